/** The words of the content plan (calendar, approval, checks, templates, targets), in ru (the source of the keys), kk and en; spread into each language's texts. */
export const planRu = {} as const;

type PlanTexts = Readonly<Record<keyof typeof planRu, string>>;

export const planKk: PlanTexts = {};

export const planEn: PlanTexts = {};
