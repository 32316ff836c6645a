/** The words of downloads (lists as spreadsheets, charts as pictures) and of the brief's preview, in ru (the source of the keys), kk and en; spread into each language's texts. */
export const exportsRu = {
  'export.button': 'Скачать',
  'export.xlsx': 'Excel (XLSX)',
  'export.csv': 'CSV (для Excel)',
  'export.png': 'Скачать PNG',
  'export.of': 'Скачать: {{what}}',
  'export.brief': 'Справка',
  'export.briefHint': 'Справка по выбранной организации и периоду',
  'export.previewLoading': 'Справка составляется…',
  'export.previewFailed': 'Не удалось показать справку',
} as const;

type ExportsTexts = Readonly<Record<keyof typeof exportsRu, string>>;

export const exportsKk: ExportsTexts = {
  'export.button': 'Жүктеп алу',
  'export.xlsx': 'Excel (XLSX)',
  'export.csv': 'CSV (Excel үшін)',
  'export.png': 'PNG жүктеп алу',
  'export.of': 'Жүктеп алу: {{what}}',
  'export.brief': 'Анықтама',
  'export.briefHint': 'Таңдалған ұйым мен кезең бойынша анықтама',
  'export.previewLoading': 'Анықтама жасалуда…',
  'export.previewFailed': 'Анықтаманы көрсету мүмкін болмады',
};

export const exportsEn: ExportsTexts = {
  'export.button': 'Download',
  'export.xlsx': 'Excel (XLSX)',
  'export.csv': 'CSV (for Excel)',
  'export.png': 'Download PNG',
  'export.of': 'Download: {{what}}',
  'export.brief': 'Brief',
  'export.briefHint': 'The brief of the organization and period chosen',
  'export.previewLoading': 'The brief is being written…',
  'export.previewFailed': 'The brief could not be shown',
};
