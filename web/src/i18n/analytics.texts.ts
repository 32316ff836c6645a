/** The words of the dashboard's analytics (engagement, top posts, when and how to post, followers' growth), in ru (the source of the keys), kk and en; spread into each language's texts. */
export const analyticsRu = {} as const;

type AnalyticsTexts = Readonly<Record<keyof typeof analyticsRu, string>>;

export const analyticsKk: AnalyticsTexts = {};

export const analyticsEn: AnalyticsTexts = {};
