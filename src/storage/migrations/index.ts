/** Every migration, by name; names sort in the order they run. */
import type { Migration } from 'kysely';
import * as initialModel from './202611260600_initial_model.js';
import * as importers from './202611261000_importers.js';
import * as analysis from './202611261100_analysis.js';
import * as settings from './202611261200_settings.js';
import * as server from './202611261300_server.js';
import * as publicationMonth from './202611261400_publication_month.js';
import * as importOwner from './202611261500_import_owner.js';
import * as publicationContentIndex from './202611261600_publication_content_index.js';
import * as publicationBandByChannel from './202611261700_publication_band_by_channel.js';
import * as publicationMonthCovering from './202611261800_publication_month_covering.js';
import * as audienceLatest from './202611261900_audience_latest.js';
import * as signInThrottle from './202612060120_sign_in_throttle.js';
import * as publicationLinks from './202612061000_publication_links.js';
import * as importRejections from './202612061100_import_rejections.js';
import * as bilingualTexts from './202612061200_bilingual_texts.js';
import * as publicationMediaUrl from './202612062000_publication_media_url.js';
import * as channelSecret from './202612062100_channel_secret.js';
import * as channelTokenExpired from './202612062200_channel_token_expired.js';
import * as collectCursor from './202612070100_collect_cursor.js';
import * as collectionRun from './202612070200_collection_run.js';
import * as collectSchedule from './202612070210_collect_schedule.js';
import * as briefSchedule from './202612070300_brief_schedule.js';
import * as languageConfidence from './202612070500_language_confidence.js';
import * as rollupsHeld from './202612070600_rollups_held.js';
import * as planPosts from './202612070700_plan_posts.js';
import * as publicationBandUnchecked from './202612070800_publication_band_unchecked.js';
import * as planPostMediaToken from './202612070900_plan_post_media_token.js';
import * as planPostAlbum from './202612071000_plan_post_album.js';
import * as notification from './202612071100_notification.js';
import * as organizationNameEn from './202612071200_organization_name_en.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '202611260600_initial_model': initialModel,
  '202611261000_importers': importers,
  '202611261100_analysis': analysis,
  '202611261200_settings': settings,
  '202611261300_server': server,
  '202611261400_publication_month': publicationMonth,
  '202611261500_import_owner': importOwner,
  '202611261600_publication_content_index': publicationContentIndex,
  '202611261700_publication_band_by_channel': publicationBandByChannel,
  '202611261800_publication_month_covering': publicationMonthCovering,
  '202611261900_audience_latest': audienceLatest,
  '202612060120_sign_in_throttle': signInThrottle,
  '202612061000_publication_links': publicationLinks,
  '202612061100_import_rejections': importRejections,
  '202612061200_bilingual_texts': bilingualTexts,
  '202612062000_publication_media_url': publicationMediaUrl,
  '202612062100_channel_secret': channelSecret,
  '202612062200_channel_token_expired': channelTokenExpired,
  '202612070100_collect_cursor': collectCursor,
  '202612070200_collection_run': collectionRun,
  '202612070210_collect_schedule': collectSchedule,
  '202612070300_brief_schedule': briefSchedule,
  '202612070500_language_confidence': languageConfidence,
  '202612070600_rollups_held': rollupsHeld,
  '202612070700_plan_posts': planPosts,
  '202612070800_publication_band_unchecked': publicationBandUnchecked,
  '202612070900_plan_post_media_token': planPostMediaToken,
  '202612071000_plan_post_album': planPostAlbum,
  '202612071100_notification': notification,
  '202612071200_organization_name_en': organizationNameEn,
};
