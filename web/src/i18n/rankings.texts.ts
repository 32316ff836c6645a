/** The words of the rankings of branches, in ru (the source of the keys), kk and en; spread into each language's texts. */
export const rankingsRu = {} as const;

type RankingsTexts = Readonly<Record<keyof typeof rankingsRu, string>>;

export const rankingsKk: RankingsTexts = {};

export const rankingsEn: RankingsTexts = {};
