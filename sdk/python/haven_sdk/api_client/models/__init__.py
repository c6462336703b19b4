"""Contains all the data models used in inputs/outputs"""

from .billing_admin_grant import BillingAdminGrant
from .billing_admin_grant_problem import BillingAdminGrantProblem
from .billing_admin_grant_problem_code import BillingAdminGrantProblemCode
from .billing_admin_revoke_grant_problem import BillingAdminRevokeGrantProblem
from .billing_admin_revoke_grant_problem_code import BillingAdminRevokeGrantProblemCode
from .billing_checkout_problem import BillingCheckoutProblem
from .billing_checkout_problem_code import BillingCheckoutProblemCode
from .billing_checkout_request import BillingCheckoutRequest
from .billing_checkout_session import BillingCheckoutSession
from .billing_create_price import BillingCreatePrice
from .billing_create_price_problem import BillingCreatePriceProblem
from .billing_create_price_problem_code import BillingCreatePriceProblemCode
from .billing_create_product import BillingCreateProduct
from .billing_create_product_problem import BillingCreateProductProblem
from .billing_create_product_problem_code import BillingCreateProductProblemCode
from .billing_create_promo_code import BillingCreatePromoCode
from .billing_create_promo_code_problem import BillingCreatePromoCodeProblem
from .billing_create_promo_code_problem_code import BillingCreatePromoCodeProblemCode
from .billing_employer_contract import BillingEmployerContract
from .billing_employer_waitlist_problem import BillingEmployerWaitlistProblem
from .billing_employer_waitlist_problem_code import BillingEmployerWaitlistProblemCode
from .billing_entitlement import BillingEntitlement
from .billing_entitlements import BillingEntitlements
from .billing_feature import BillingFeature
from .billing_get_employer_contract_problem import BillingGetEmployerContractProblem
from .billing_get_employer_contract_problem_code import (
    BillingGetEmployerContractProblemCode,
)
from .billing_get_product_problem import BillingGetProductProblem
from .billing_get_product_problem_code import BillingGetProductProblemCode
from .billing_grant import BillingGrant
from .billing_grant_source import BillingGrantSource
from .billing_interval import BillingInterval
from .billing_ledger_action import BillingLedgerAction
from .billing_ledger_entry import BillingLedgerEntry
from .billing_list_plans_problem import BillingListPlansProblem
from .billing_list_plans_problem_code import BillingListPlansProblemCode
from .billing_list_products_problem import BillingListProductsProblem
from .billing_list_products_problem_code import BillingListProductsProblemCode
from .billing_list_promo_codes_problem import BillingListPromoCodesProblem
from .billing_list_promo_codes_problem_code import BillingListPromoCodesProblemCode
from .billing_member_entitlements_problem import BillingMemberEntitlementsProblem
from .billing_member_entitlements_problem_code import (
    BillingMemberEntitlementsProblemCode,
)
from .billing_member_ledger_problem import BillingMemberLedgerProblem
from .billing_member_ledger_problem_code import BillingMemberLedgerProblemCode
from .billing_money import BillingMoney
from .billing_my_entitlements_problem import BillingMyEntitlementsProblem
from .billing_my_entitlements_problem_code import BillingMyEntitlementsProblemCode
from .billing_my_store_account_problem import BillingMyStoreAccountProblem
from .billing_my_store_account_problem_code import BillingMyStoreAccountProblemCode
from .billing_my_subscriptions_problem import BillingMySubscriptionsProblem
from .billing_my_subscriptions_problem_code import BillingMySubscriptionsProblemCode
from .billing_portal_problem import BillingPortalProblem
from .billing_portal_problem_code import BillingPortalProblemCode
from .billing_portal_session import BillingPortalSession
from .billing_price import BillingPrice
from .billing_product import BillingProduct
from .billing_product_features import BillingProductFeatures
from .billing_promo_code import BillingPromoCode
from .billing_promo_kind import BillingPromoKind
from .billing_provider import BillingProvider
from .billing_redeem_promo_code import BillingRedeemPromoCode
from .billing_redeem_promo_code_problem import BillingRedeemPromoCodeProblem
from .billing_redeem_promo_code_problem_code import BillingRedeemPromoCodeProblemCode
from .billing_redemption import BillingRedemption
from .billing_replace_product_features_problem import (
    BillingReplaceProductFeaturesProblem,
)
from .billing_replace_product_features_problem_code import (
    BillingReplaceProductFeaturesProblemCode,
)
from .billing_revoke_grant import BillingRevokeGrant
from .billing_set_employer_contract import BillingSetEmployerContract
from .billing_set_employer_contract_problem import BillingSetEmployerContractProblem
from .billing_set_employer_contract_problem_code import (
    BillingSetEmployerContractProblemCode,
)
from .billing_store_account import BillingStoreAccount
from .billing_subscription import BillingSubscription
from .billing_subscription_status import BillingSubscriptionStatus
from .billing_update_price import BillingUpdatePrice
from .billing_update_price_problem import BillingUpdatePriceProblem
from .billing_update_price_problem_code import BillingUpdatePriceProblemCode
from .billing_update_product import BillingUpdateProduct
from .billing_update_product_problem import BillingUpdateProductProblem
from .billing_update_product_problem_code import BillingUpdateProductProblemCode
from .billing_waitlist_entry import BillingWaitlistEntry
from .care_acknowledge_escalation_problem import CareAcknowledgeEscalationProblem
from .care_acknowledge_escalation_problem_code import (
    CareAcknowledgeEscalationProblemCode,
)
from .care_admin_get_member_profile_problem import CareAdminGetMemberProfileProblem
from .care_admin_get_member_profile_problem_code import (
    CareAdminGetMemberProfileProblemCode,
)
from .care_admin_list_escalations_problem import CareAdminListEscalationsProblem
from .care_admin_list_escalations_problem_code import (
    CareAdminListEscalationsProblemCode,
)
from .care_admin_query_phi_audit_problem import CareAdminQueryPhiAuditProblem
from .care_admin_query_phi_audit_problem_code import CareAdminQueryPhiAuditProblemCode
from .care_answer_option import CareAnswerOption
from .care_appointment import CareAppointment
from .care_appointment_status import CareAppointmentStatus
from .care_appointment_type import CareAppointmentType
from .care_assessment import CareAssessment
from .care_assessment_result import CareAssessmentResult
from .care_assessment_trend import CareAssessmentTrend
from .care_audit_entry import CareAuditEntry
from .care_audit_resource import CareAuditResource
from .care_book_appointment_problem import CareBookAppointmentProblem
from .care_book_appointment_problem_code import CareBookAppointmentProblemCode
from .care_book_request import CareBookRequest
from .care_cancel_appointment_problem import CareCancelAppointmentProblem
from .care_cancel_appointment_problem_code import CareCancelAppointmentProblemCode
from .care_cancellation import CareCancellation
from .care_canceller import CareCanceller
from .care_chat_message import CareChatMessage
from .care_chat_read_marker import CareChatReadMarker
from .care_chat_sender_role import CareChatSenderRole
from .care_chat_thread import CareChatThread
from .care_create_provider_problem import CareCreateProviderProblem
from .care_create_provider_problem_code import CareCreateProviderProblemCode
from .care_crisis_resource import CareCrisisResource
from .care_emergency_contact import CareEmergencyContact
from .care_escalation import CareEscalation
from .care_escalation_reason import CareEscalationReason
from .care_escalation_status import CareEscalationStatus
from .care_exception_kind import CareExceptionKind
from .care_get_appointment_problem import CareGetAppointmentProblem
from .care_get_appointment_problem_code import CareGetAppointmentProblemCode
from .care_get_member_assessment_trend_problem import (
    CareGetMemberAssessmentTrendProblem,
)
from .care_get_member_assessment_trend_problem_code import (
    CareGetMemberAssessmentTrendProblemCode,
)
from .care_get_member_profile_problem import CareGetMemberProfileProblem
from .care_get_member_profile_problem_code import CareGetMemberProfileProblemCode
from .care_get_my_assessment_problem import CareGetMyAssessmentProblem
from .care_get_my_assessment_problem_code import CareGetMyAssessmentProblemCode
from .care_get_my_assessment_trend_problem import CareGetMyAssessmentTrendProblem
from .care_get_my_assessment_trend_problem_code import (
    CareGetMyAssessmentTrendProblemCode,
)
from .care_get_my_profile_problem import CareGetMyProfileProblem
from .care_get_my_profile_problem_code import CareGetMyProfileProblemCode
from .care_get_my_schedule_problem import CareGetMyScheduleProblem
from .care_get_my_schedule_problem_code import CareGetMyScheduleProblemCode
from .care_get_provider_admin_problem import CareGetProviderAdminProblem
from .care_get_provider_admin_problem_code import CareGetProviderAdminProblemCode
from .care_get_provider_problem import CareGetProviderProblem
from .care_get_provider_problem_code import CareGetProviderProblemCode
from .care_instrument import CareInstrument
from .care_instrument_definition import CareInstrumentDefinition
from .care_instrument_item import CareInstrumentItem
from .care_license import CareLicense
from .care_list_chat_messages_problem import CareListChatMessagesProblem
from .care_list_chat_messages_problem_code import CareListChatMessagesProblemCode
from .care_list_escalations_problem import CareListEscalationsProblem
from .care_list_escalations_problem_code import CareListEscalationsProblemCode
from .care_list_instruments_problem import CareListInstrumentsProblem
from .care_list_instruments_problem_code import CareListInstrumentsProblemCode
from .care_list_member_assessments_problem import CareListMemberAssessmentsProblem
from .care_list_member_assessments_problem_code import (
    CareListMemberAssessmentsProblemCode,
)
from .care_list_my_appointments_problem import CareListMyAppointmentsProblem
from .care_list_my_appointments_problem_code import CareListMyAppointmentsProblemCode
from .care_list_my_assessments_problem import CareListMyAssessmentsProblem
from .care_list_my_assessments_problem_code import CareListMyAssessmentsProblemCode
from .care_list_my_care_team_problem import CareListMyCareTeamProblem
from .care_list_my_care_team_problem_code import CareListMyCareTeamProblemCode
from .care_list_my_chat_threads_problem import CareListMyChatThreadsProblem
from .care_list_my_chat_threads_problem_code import CareListMyChatThreadsProblemCode
from .care_list_provider_appointments_problem import CareListProviderAppointmentsProblem
from .care_list_provider_appointments_problem_code import (
    CareListProviderAppointmentsProblemCode,
)
from .care_list_provider_chat_threads_problem import CareListProviderChatThreadsProblem
from .care_list_provider_chat_threads_problem_code import (
    CareListProviderChatThreadsProblemCode,
)
from .care_list_providers_admin_problem import CareListProvidersAdminProblem
from .care_list_providers_admin_problem_code import CareListProvidersAdminProblemCode
from .care_list_providers_problem import CareListProvidersProblem
from .care_list_providers_problem_code import CareListProvidersProblemCode
from .care_list_slots_problem import CareListSlotsProblem
from .care_list_slots_problem_code import CareListSlotsProblemCode
from .care_mark_chat_read import CareMarkChatRead
from .care_mark_chat_read_problem import CareMarkChatReadProblem
from .care_mark_chat_read_problem_code import CareMarkChatReadProblemCode
from .care_mark_no_show_problem import CareMarkNoShowProblem
from .care_mark_no_show_problem_code import CareMarkNoShowProblemCode
from .care_match import CareMatch
from .care_match_providers_problem import CareMatchProvidersProblem
from .care_match_providers_problem_code import CareMatchProvidersProblemCode
from .care_open_chat_thread import CareOpenChatThread
from .care_open_chat_thread_problem import CareOpenChatThreadProblem
from .care_open_chat_thread_problem_code import CareOpenChatThreadProblemCode
from .care_post_chat_message import CarePostChatMessage
from .care_post_chat_message_problem import CarePostChatMessageProblem
from .care_post_chat_message_problem_code import CarePostChatMessageProblemCode
from .care_profile import CareProfile
from .care_profile_input import CareProfileInput
from .care_provider import CareProvider
from .care_provider_admin import CareProviderAdmin
from .care_provider_cancel_appointment_problem import (
    CareProviderCancelAppointmentProblem,
)
from .care_provider_cancel_appointment_problem_code import (
    CareProviderCancelAppointmentProblemCode,
)
from .care_provider_input import CareProviderInput
from .care_provider_schedule import CareProviderSchedule
from .care_provider_type import CareProviderType
from .care_reschedule_appointment_problem import CareRescheduleAppointmentProblem
from .care_reschedule_appointment_problem_code import (
    CareRescheduleAppointmentProblemCode,
)
from .care_reschedule_request import CareRescheduleRequest
from .care_resolve_escalation import CareResolveEscalation
from .care_resolve_escalation_problem import CareResolveEscalationProblem
from .care_resolve_escalation_problem_code import CareResolveEscalationProblemCode
from .care_schedule import CareSchedule
from .care_schedule_exception import CareScheduleException
from .care_set_my_profile_problem import CareSetMyProfileProblem
from .care_set_my_profile_problem_code import CareSetMyProfileProblemCode
from .care_set_my_schedule_problem import CareSetMyScheduleProblem
from .care_set_my_schedule_problem_code import CareSetMyScheduleProblemCode
from .care_set_provider_schedule_problem import CareSetProviderScheduleProblem
from .care_set_provider_schedule_problem_code import CareSetProviderScheduleProblemCode
from .care_severity import CareSeverity
from .care_severity_band import CareSeverityBand
from .care_slot import CareSlot
from .care_slots import CareSlots
from .care_specialty import CareSpecialty
from .care_stream_chat_events_problem import CareStreamChatEventsProblem
from .care_stream_chat_events_problem_code import CareStreamChatEventsProblemCode
from .care_submit_assessment import CareSubmitAssessment
from .care_submit_assessment_problem import CareSubmitAssessmentProblem
from .care_submit_assessment_problem_code import CareSubmitAssessmentProblemCode
from .care_team_member import CareTeamMember
from .care_trend_direction import CareTrendDirection
from .care_trend_point import CareTrendPoint
from .care_update_provider_problem import CareUpdateProviderProblem
from .care_update_provider_problem_code import CareUpdateProviderProblemCode
from .care_weekly_rule import CareWeeklyRule
from .content_admin_course import ContentAdminCourse
from .content_admin_item import ContentAdminItem
from .content_admin_narrator import ContentAdminNarrator
from .content_archive_course_problem import ContentArchiveCourseProblem
from .content_archive_course_problem_code import ContentArchiveCourseProblemCode
from .content_archive_item_problem import ContentArchiveItemProblem
from .content_archive_item_problem_code import ContentArchiveItemProblemCode
from .content_bio import ContentBio
from .content_bio_input import ContentBioInput
from .content_browse_courses_problem import ContentBrowseCoursesProblem
from .content_browse_courses_problem_code import ContentBrowseCoursesProblemCode
from .content_browse_items_problem import ContentBrowseItemsProblem
from .content_browse_items_problem_code import ContentBrowseItemsProblemCode
from .content_catalog_course import ContentCatalogCourse
from .content_catalog_item import ContentCatalogItem
from .content_catalog_narrator import ContentCatalogNarrator
from .content_catalog_variant import ContentCatalogVariant
from .content_course_document import ContentCourseDocument
from .content_course_draft_input import ContentCourseDraftInput
from .content_course_progress import ContentCourseProgress
from .content_course_revision import ContentCourseRevision
from .content_course_text import ContentCourseText
from .content_course_text_input import ContentCourseTextInput
from .content_create_course_problem import ContentCreateCourseProblem
from .content_create_course_problem_code import ContentCreateCourseProblemCode
from .content_create_item_problem import ContentCreateItemProblem
from .content_create_item_problem_code import ContentCreateItemProblemCode
from .content_create_narrator_problem import ContentCreateNarratorProblem
from .content_create_narrator_problem_code import ContentCreateNarratorProblemCode
from .content_delete_favorite_course_problem import ContentDeleteFavoriteCourseProblem
from .content_delete_favorite_course_problem_code import (
    ContentDeleteFavoriteCourseProblemCode,
)
from .content_delete_favorite_item_problem import ContentDeleteFavoriteItemProblem
from .content_delete_favorite_item_problem_code import (
    ContentDeleteFavoriteItemProblemCode,
)
from .content_favorite import ContentFavorite
from .content_favorite_kind import ContentFavoriteKind
from .content_get_catalog_course_problem import ContentGetCatalogCourseProblem
from .content_get_catalog_course_problem_code import ContentGetCatalogCourseProblemCode
from .content_get_catalog_item_problem import ContentGetCatalogItemProblem
from .content_get_catalog_item_problem_code import ContentGetCatalogItemProblemCode
from .content_get_catalog_narrator_problem import ContentGetCatalogNarratorProblem
from .content_get_catalog_narrator_problem_code import (
    ContentGetCatalogNarratorProblemCode,
)
from .content_get_course_problem import ContentGetCourseProblem
from .content_get_course_problem_code import ContentGetCourseProblemCode
from .content_get_item_problem import ContentGetItemProblem
from .content_get_item_problem_code import ContentGetItemProblemCode
from .content_get_narrator_problem import ContentGetNarratorProblem
from .content_get_narrator_problem_code import ContentGetNarratorProblemCode
from .content_get_variant_media_url_problem import ContentGetVariantMediaUrlProblem
from .content_get_variant_media_url_problem_code import (
    ContentGetVariantMediaUrlProblemCode,
)
from .content_item_document import ContentItemDocument
from .content_item_draft_input import ContentItemDraftInput
from .content_item_revision import ContentItemRevision
from .content_item_status import ContentItemStatus
from .content_item_text import ContentItemText
from .content_item_text_input import ContentItemTextInput
from .content_kind import ContentKind
from .content_list_course_revisions_problem import ContentListCourseRevisionsProblem
from .content_list_course_revisions_problem_code import (
    ContentListCourseRevisionsProblemCode,
)
from .content_list_courses_problem import ContentListCoursesProblem
from .content_list_courses_problem_code import ContentListCoursesProblemCode
from .content_list_item_revisions_problem import ContentListItemRevisionsProblem
from .content_list_item_revisions_problem_code import (
    ContentListItemRevisionsProblemCode,
)
from .content_list_items_problem import ContentListItemsProblem
from .content_list_items_problem_code import ContentListItemsProblemCode
from .content_list_narrators_problem import ContentListNarratorsProblem
from .content_list_narrators_problem_code import ContentListNarratorsProblemCode
from .content_media import ContentMedia
from .content_media_url import ContentMediaUrl
from .content_my_course_progress_problem import ContentMyCourseProgressProblem
from .content_my_course_progress_problem_code import ContentMyCourseProgressProblemCode
from .content_my_courses_problem import ContentMyCoursesProblem
from .content_my_courses_problem_code import ContentMyCoursesProblemCode
from .content_my_favorites_problem import ContentMyFavoritesProblem
from .content_my_favorites_problem_code import ContentMyFavoritesProblemCode
from .content_my_stats_problem import ContentMyStatsProblem
from .content_my_stats_problem_code import ContentMyStatsProblemCode
from .content_my_streak_problem import ContentMyStreakProblem
from .content_my_streak_problem_code import ContentMyStreakProblemCode
from .content_my_today_problem import ContentMyTodayProblem
from .content_my_today_problem_code import ContentMyTodayProblemCode
from .content_narrator_input import ContentNarratorInput
from .content_narrator_ref import ContentNarratorRef
from .content_next_session import ContentNextSession
from .content_part_of_day import ContentPartOfDay
from .content_playback_event_input import ContentPlaybackEventInput
from .content_playback_event_result import ContentPlaybackEventResult
from .content_playback_event_status import ContentPlaybackEventStatus
from .content_playback_event_type import ContentPlaybackEventType
from .content_playback_refusal import ContentPlaybackRefusal
from .content_playback_sync_request import ContentPlaybackSyncRequest
from .content_playback_sync_result import ContentPlaybackSyncResult
from .content_publish_course_problem import ContentPublishCourseProblem
from .content_publish_course_problem_code import ContentPublishCourseProblemCode
from .content_publish_item_problem import ContentPublishItemProblem
from .content_publish_item_problem_code import ContentPublishItemProblemCode
from .content_publish_request import ContentPublishRequest
from .content_put_favorite_course_problem import ContentPutFavoriteCourseProblem
from .content_put_favorite_course_problem_code import (
    ContentPutFavoriteCourseProblemCode,
)
from .content_put_favorite_item_problem import ContentPutFavoriteItemProblem
from .content_put_favorite_item_problem_code import ContentPutFavoriteItemProblemCode
from .content_replace_course_draft_problem import ContentReplaceCourseDraftProblem
from .content_replace_course_draft_problem_code import (
    ContentReplaceCourseDraftProblemCode,
)
from .content_replace_item_draft_problem import ContentReplaceItemDraftProblem
from .content_replace_item_draft_problem_code import ContentReplaceItemDraftProblemCode
from .content_replace_narrator_problem import ContentReplaceNarratorProblem
from .content_replace_narrator_problem_code import ContentReplaceNarratorProblemCode
from .content_search_page import ContentSearchPage
from .content_search_problem import ContentSearchProblem
from .content_search_problem_code import ContentSearchProblemCode
from .content_session_progress import ContentSessionProgress
from .content_stats import ContentStats
from .content_stats_day import ContentStatsDay
from .content_streak import ContentStreak
from .content_sync_playback_problem import ContentSyncPlaybackProblem
from .content_sync_playback_problem_code import ContentSyncPlaybackProblemCode
from .content_today import ContentToday
from .content_today_entry import ContentTodayEntry
from .content_today_reason import ContentTodayReason
from .content_unpublish_course_problem import ContentUnpublishCourseProblem
from .content_unpublish_course_problem_code import ContentUnpublishCourseProblemCode
from .content_unpublish_item_problem import ContentUnpublishItemProblem
from .content_unpublish_item_problem_code import ContentUnpublishItemProblemCode
from .content_upload_item_image_problem import ContentUploadItemImageProblem
from .content_upload_item_image_problem_code import ContentUploadItemImageProblemCode
from .content_upload_variant_audio_problem import ContentUploadVariantAudioProblem
from .content_upload_variant_audio_problem_code import (
    ContentUploadVariantAudioProblemCode,
)
from .content_variant import ContentVariant
from .content_variant_input import ContentVariantInput
from .field_error import FieldError
from .health_status import HealthStatus
from .identity_admin_disable_user_problem import IdentityAdminDisableUserProblem
from .identity_admin_disable_user_problem_code import (
    IdentityAdminDisableUserProblemCode,
)
from .identity_admin_enable_user_problem import IdentityAdminEnableUserProblem
from .identity_admin_enable_user_problem_code import IdentityAdminEnableUserProblemCode
from .identity_admin_get_user_problem import IdentityAdminGetUserProblem
from .identity_admin_get_user_problem_code import IdentityAdminGetUserProblemCode
from .identity_admin_list_users_problem import IdentityAdminListUsersProblem
from .identity_admin_list_users_problem_code import IdentityAdminListUsersProblemCode
from .identity_admin_set_roles import IdentityAdminSetRoles
from .identity_admin_set_roles_problem import IdentityAdminSetRolesProblem
from .identity_admin_set_roles_problem_code import IdentityAdminSetRolesProblemCode
from .identity_admin_user import IdentityAdminUser
from .identity_change_password import IdentityChangePassword
from .identity_change_password_problem import IdentityChangePasswordProblem
from .identity_change_password_problem_code import IdentityChangePasswordProblemCode
from .identity_confirm_email import IdentityConfirmEmail
from .identity_confirm_email_problem import IdentityConfirmEmailProblem
from .identity_confirm_email_problem_code import IdentityConfirmEmailProblemCode
from .identity_confirm_totp_problem import IdentityConfirmTotpProblem
from .identity_confirm_totp_problem_code import IdentityConfirmTotpProblemCode
from .identity_create_organization import IdentityCreateOrganization
from .identity_create_organization_problem import IdentityCreateOrganizationProblem
from .identity_create_organization_problem_code import (
    IdentityCreateOrganizationProblemCode,
)
from .identity_delete_account import IdentityDeleteAccount
from .identity_delete_account_problem import IdentityDeleteAccountProblem
from .identity_delete_account_problem_code import IdentityDeleteAccountProblemCode
from .identity_disable_mfa_problem import IdentityDisableMfaProblem
from .identity_disable_mfa_problem_code import IdentityDisableMfaProblemCode
from .identity_download_export_problem import IdentityDownloadExportProblem
from .identity_download_export_problem_code import IdentityDownloadExportProblemCode
from .identity_eligibility_report import IdentityEligibilityReport
from .identity_email_accepted import IdentityEmailAccepted
from .identity_erasure import IdentityErasure
from .identity_erasure_step import IdentityErasureStep
from .identity_export import IdentityExport
from .identity_export_state import IdentityExportState
from .identity_get_erasure_problem import IdentityGetErasureProblem
from .identity_get_erasure_problem_code import IdentityGetErasureProblemCode
from .identity_get_export_problem import IdentityGetExportProblem
from .identity_get_export_problem_code import IdentityGetExportProblemCode
from .identity_get_me_problem import IdentityGetMeProblem
from .identity_get_me_problem_code import IdentityGetMeProblemCode
from .identity_get_mfa_problem import IdentityGetMfaProblem
from .identity_get_mfa_problem_code import IdentityGetMfaProblemCode
from .identity_get_my_organization_problem import IdentityGetMyOrganizationProblem
from .identity_get_my_organization_problem_code import (
    IdentityGetMyOrganizationProblemCode,
)
from .identity_get_organization_problem import IdentityGetOrganizationProblem
from .identity_get_organization_problem_code import IdentityGetOrganizationProblemCode
from .identity_join_organization import IdentityJoinOrganization
from .identity_join_organization_problem import IdentityJoinOrganizationProblem
from .identity_join_organization_problem_code import IdentityJoinOrganizationProblemCode
from .identity_joined_via import IdentityJoinedVia
from .identity_jwk import IdentityJwk
from .identity_jwk_set import IdentityJwkSet
from .identity_jwks_problem import IdentityJwksProblem
from .identity_jwks_problem_code import IdentityJwksProblemCode
from .identity_leave_organization_problem import IdentityLeaveOrganizationProblem
from .identity_leave_organization_problem_code import (
    IdentityLeaveOrganizationProblemCode,
)
from .identity_list_organization_members_problem import (
    IdentityListOrganizationMembersProblem,
)
from .identity_list_organization_members_problem_code import (
    IdentityListOrganizationMembersProblemCode,
)
from .identity_list_organizations_problem import IdentityListOrganizationsProblem
from .identity_list_organizations_problem_code import (
    IdentityListOrganizationsProblemCode,
)
from .identity_list_sessions_problem import IdentityListSessionsProblem
from .identity_list_sessions_problem_code import IdentityListSessionsProblemCode
from .identity_login_mfa_problem import IdentityLoginMfaProblem
from .identity_login_mfa_problem_code import IdentityLoginMfaProblemCode
from .identity_login_mfa_request_type_0 import IdentityLoginMfaRequestType0
from .identity_login_mfa_request_type_1 import IdentityLoginMfaRequestType1
from .identity_login_problem import IdentityLoginProblem
from .identity_login_problem_code import IdentityLoginProblemCode
from .identity_login_request import IdentityLoginRequest
from .identity_login_result_identity_mfa_challenge import (
    IdentityLoginResultIdentityMfaChallenge,
)
from .identity_login_result_identity_mfa_challenge_status import (
    IdentityLoginResultIdentityMfaChallengeStatus,
)
from .identity_login_result_identity_token_response import (
    IdentityLoginResultIdentityTokenResponse,
)
from .identity_login_result_identity_token_response_status import (
    IdentityLoginResultIdentityTokenResponseStatus,
)
from .identity_logout_problem import IdentityLogoutProblem
from .identity_logout_problem_code import IdentityLogoutProblemCode
from .identity_membership import IdentityMembership
from .identity_mfa_challenge import IdentityMfaChallenge
from .identity_mfa_code_request import IdentityMfaCodeRequest
from .identity_mfa_disable_request_type_0 import IdentityMfaDisableRequestType0
from .identity_mfa_disable_request_type_1 import IdentityMfaDisableRequestType1
from .identity_mfa_status import IdentityMfaStatus
from .identity_organization import IdentityOrganization
from .identity_organization_member import IdentityOrganizationMember
from .identity_recovery_codes import IdentityRecoveryCodes
from .identity_refresh_request import IdentityRefreshRequest
from .identity_refresh_token_problem import IdentityRefreshTokenProblem
from .identity_refresh_token_problem_code import IdentityRefreshTokenProblemCode
from .identity_regenerate_recovery_codes_problem import (
    IdentityRegenerateRecoveryCodesProblem,
)
from .identity_regenerate_recovery_codes_problem_code import (
    IdentityRegenerateRecoveryCodesProblemCode,
)
from .identity_register_problem import IdentityRegisterProblem
from .identity_register_problem_code import IdentityRegisterProblemCode
from .identity_register_request import IdentityRegisterRequest
from .identity_remove_organization_member_problem import (
    IdentityRemoveOrganizationMemberProblem,
)
from .identity_remove_organization_member_problem_code import (
    IdentityRemoveOrganizationMemberProblemCode,
)
from .identity_replace_eligibility_problem import IdentityReplaceEligibilityProblem
from .identity_replace_eligibility_problem_code import (
    IdentityReplaceEligibilityProblemCode,
)
from .identity_request_email_verification_problem import (
    IdentityRequestEmailVerificationProblem,
)
from .identity_request_email_verification_problem_code import (
    IdentityRequestEmailVerificationProblemCode,
)
from .identity_request_export_problem import IdentityRequestExportProblem
from .identity_request_export_problem_code import IdentityRequestExportProblemCode
from .identity_request_password_reset import IdentityRequestPasswordReset
from .identity_request_password_reset_problem import IdentityRequestPasswordResetProblem
from .identity_request_password_reset_problem_code import (
    IdentityRequestPasswordResetProblemCode,
)
from .identity_reset_password import IdentityResetPassword
from .identity_reset_password_problem import IdentityResetPasswordProblem
from .identity_reset_password_problem_code import IdentityResetPasswordProblemCode
from .identity_revoke_other_sessions_problem import IdentityRevokeOtherSessionsProblem
from .identity_revoke_other_sessions_problem_code import (
    IdentityRevokeOtherSessionsProblemCode,
)
from .identity_revoke_session_problem import IdentityRevokeSessionProblem
from .identity_revoke_session_problem_code import IdentityRevokeSessionProblemCode
from .identity_session import IdentitySession
from .identity_start_totp_enrollment_problem import IdentityStartTotpEnrollmentProblem
from .identity_start_totp_enrollment_problem_code import (
    IdentityStartTotpEnrollmentProblemCode,
)
from .identity_token_response import IdentityTokenResponse
from .identity_token_type import IdentityTokenType
from .identity_totp_enrollment import IdentityTotpEnrollment
from .identity_update_me_problem import IdentityUpdateMeProblem
from .identity_update_me_problem_code import IdentityUpdateMeProblemCode
from .identity_update_organization import IdentityUpdateOrganization
from .identity_update_organization_problem import IdentityUpdateOrganizationProblem
from .identity_update_organization_problem_code import (
    IdentityUpdateOrganizationProblemCode,
)
from .identity_update_profile import IdentityUpdateProfile
from .identity_user import IdentityUser
from .meta import Meta
from .meta_get_problem import MetaGetProblem
from .meta_get_problem_code import MetaGetProblemCode
from .page_billing_ledger_entry import PageBillingLedgerEntry
from .page_billing_product import PageBillingProduct
from .page_billing_promo_code import PageBillingPromoCode
from .page_billing_subscription import PageBillingSubscription
from .page_billing_waitlist_entry import PageBillingWaitlistEntry
from .page_care_appointment import PageCareAppointment
from .page_care_assessment import PageCareAssessment
from .page_care_audit_entry import PageCareAuditEntry
from .page_care_chat_message import PageCareChatMessage
from .page_care_chat_thread import PageCareChatThread
from .page_care_escalation import PageCareEscalation
from .page_care_provider import PageCareProvider
from .page_care_provider_admin import PageCareProviderAdmin
from .page_content_admin_course import PageContentAdminCourse
from .page_content_admin_item import PageContentAdminItem
from .page_content_catalog_course import PageContentCatalogCourse
from .page_content_catalog_item import PageContentCatalogItem
from .page_content_catalog_narrator import PageContentCatalogNarrator
from .page_content_course_progress import PageContentCourseProgress
from .page_content_course_revision import PageContentCourseRevision
from .page_content_favorite import PageContentFavorite
from .page_content_item_revision import PageContentItemRevision
from .page_identity_admin_user import PageIdentityAdminUser
from .page_identity_organization import PageIdentityOrganization
from .page_identity_organization_member import PageIdentityOrganizationMember
from .page_identity_session import PageIdentitySession
from .platform_health_live_problem import PlatformHealthLiveProblem
from .platform_health_live_problem_code import PlatformHealthLiveProblemCode
from .platform_health_ready_problem import PlatformHealthReadyProblem
from .platform_health_ready_problem_code import PlatformHealthReadyProblemCode
from .problem import Problem
from .role import Role

__all__ = (
    "BillingAdminGrant",
    "BillingAdminGrantProblem",
    "BillingAdminGrantProblemCode",
    "BillingAdminRevokeGrantProblem",
    "BillingAdminRevokeGrantProblemCode",
    "BillingCheckoutProblem",
    "BillingCheckoutProblemCode",
    "BillingCheckoutRequest",
    "BillingCheckoutSession",
    "BillingCreatePrice",
    "BillingCreatePriceProblem",
    "BillingCreatePriceProblemCode",
    "BillingCreateProduct",
    "BillingCreateProductProblem",
    "BillingCreateProductProblemCode",
    "BillingCreatePromoCode",
    "BillingCreatePromoCodeProblem",
    "BillingCreatePromoCodeProblemCode",
    "BillingEmployerContract",
    "BillingEmployerWaitlistProblem",
    "BillingEmployerWaitlistProblemCode",
    "BillingEntitlement",
    "BillingEntitlements",
    "BillingFeature",
    "BillingGetEmployerContractProblem",
    "BillingGetEmployerContractProblemCode",
    "BillingGetProductProblem",
    "BillingGetProductProblemCode",
    "BillingGrant",
    "BillingGrantSource",
    "BillingInterval",
    "BillingLedgerAction",
    "BillingLedgerEntry",
    "BillingListPlansProblem",
    "BillingListPlansProblemCode",
    "BillingListProductsProblem",
    "BillingListProductsProblemCode",
    "BillingListPromoCodesProblem",
    "BillingListPromoCodesProblemCode",
    "BillingMemberEntitlementsProblem",
    "BillingMemberEntitlementsProblemCode",
    "BillingMemberLedgerProblem",
    "BillingMemberLedgerProblemCode",
    "BillingMoney",
    "BillingMyEntitlementsProblem",
    "BillingMyEntitlementsProblemCode",
    "BillingMyStoreAccountProblem",
    "BillingMyStoreAccountProblemCode",
    "BillingMySubscriptionsProblem",
    "BillingMySubscriptionsProblemCode",
    "BillingPortalProblem",
    "BillingPortalProblemCode",
    "BillingPortalSession",
    "BillingPrice",
    "BillingProduct",
    "BillingProductFeatures",
    "BillingPromoCode",
    "BillingPromoKind",
    "BillingProvider",
    "BillingRedeemPromoCode",
    "BillingRedeemPromoCodeProblem",
    "BillingRedeemPromoCodeProblemCode",
    "BillingRedemption",
    "BillingReplaceProductFeaturesProblem",
    "BillingReplaceProductFeaturesProblemCode",
    "BillingRevokeGrant",
    "BillingSetEmployerContract",
    "BillingSetEmployerContractProblem",
    "BillingSetEmployerContractProblemCode",
    "BillingStoreAccount",
    "BillingSubscription",
    "BillingSubscriptionStatus",
    "BillingUpdatePrice",
    "BillingUpdatePriceProblem",
    "BillingUpdatePriceProblemCode",
    "BillingUpdateProduct",
    "BillingUpdateProductProblem",
    "BillingUpdateProductProblemCode",
    "BillingWaitlistEntry",
    "CareAcknowledgeEscalationProblem",
    "CareAcknowledgeEscalationProblemCode",
    "CareAdminGetMemberProfileProblem",
    "CareAdminGetMemberProfileProblemCode",
    "CareAdminListEscalationsProblem",
    "CareAdminListEscalationsProblemCode",
    "CareAdminQueryPhiAuditProblem",
    "CareAdminQueryPhiAuditProblemCode",
    "CareAnswerOption",
    "CareAppointment",
    "CareAppointmentStatus",
    "CareAppointmentType",
    "CareAssessment",
    "CareAssessmentResult",
    "CareAssessmentTrend",
    "CareAuditEntry",
    "CareAuditResource",
    "CareBookAppointmentProblem",
    "CareBookAppointmentProblemCode",
    "CareBookRequest",
    "CareCancelAppointmentProblem",
    "CareCancelAppointmentProblemCode",
    "CareCancellation",
    "CareCanceller",
    "CareChatMessage",
    "CareChatReadMarker",
    "CareChatSenderRole",
    "CareChatThread",
    "CareCreateProviderProblem",
    "CareCreateProviderProblemCode",
    "CareCrisisResource",
    "CareEmergencyContact",
    "CareEscalation",
    "CareEscalationReason",
    "CareEscalationStatus",
    "CareExceptionKind",
    "CareGetAppointmentProblem",
    "CareGetAppointmentProblemCode",
    "CareGetMemberAssessmentTrendProblem",
    "CareGetMemberAssessmentTrendProblemCode",
    "CareGetMemberProfileProblem",
    "CareGetMemberProfileProblemCode",
    "CareGetMyAssessmentProblem",
    "CareGetMyAssessmentProblemCode",
    "CareGetMyAssessmentTrendProblem",
    "CareGetMyAssessmentTrendProblemCode",
    "CareGetMyProfileProblem",
    "CareGetMyProfileProblemCode",
    "CareGetMyScheduleProblem",
    "CareGetMyScheduleProblemCode",
    "CareGetProviderAdminProblem",
    "CareGetProviderAdminProblemCode",
    "CareGetProviderProblem",
    "CareGetProviderProblemCode",
    "CareInstrument",
    "CareInstrumentDefinition",
    "CareInstrumentItem",
    "CareLicense",
    "CareListChatMessagesProblem",
    "CareListChatMessagesProblemCode",
    "CareListEscalationsProblem",
    "CareListEscalationsProblemCode",
    "CareListInstrumentsProblem",
    "CareListInstrumentsProblemCode",
    "CareListMemberAssessmentsProblem",
    "CareListMemberAssessmentsProblemCode",
    "CareListMyAppointmentsProblem",
    "CareListMyAppointmentsProblemCode",
    "CareListMyAssessmentsProblem",
    "CareListMyAssessmentsProblemCode",
    "CareListMyCareTeamProblem",
    "CareListMyCareTeamProblemCode",
    "CareListMyChatThreadsProblem",
    "CareListMyChatThreadsProblemCode",
    "CareListProviderAppointmentsProblem",
    "CareListProviderAppointmentsProblemCode",
    "CareListProviderChatThreadsProblem",
    "CareListProviderChatThreadsProblemCode",
    "CareListProvidersAdminProblem",
    "CareListProvidersAdminProblemCode",
    "CareListProvidersProblem",
    "CareListProvidersProblemCode",
    "CareListSlotsProblem",
    "CareListSlotsProblemCode",
    "CareMarkChatRead",
    "CareMarkChatReadProblem",
    "CareMarkChatReadProblemCode",
    "CareMarkNoShowProblem",
    "CareMarkNoShowProblemCode",
    "CareMatch",
    "CareMatchProvidersProblem",
    "CareMatchProvidersProblemCode",
    "CareOpenChatThread",
    "CareOpenChatThreadProblem",
    "CareOpenChatThreadProblemCode",
    "CarePostChatMessage",
    "CarePostChatMessageProblem",
    "CarePostChatMessageProblemCode",
    "CareProfile",
    "CareProfileInput",
    "CareProvider",
    "CareProviderAdmin",
    "CareProviderCancelAppointmentProblem",
    "CareProviderCancelAppointmentProblemCode",
    "CareProviderInput",
    "CareProviderSchedule",
    "CareProviderType",
    "CareRescheduleAppointmentProblem",
    "CareRescheduleAppointmentProblemCode",
    "CareRescheduleRequest",
    "CareResolveEscalation",
    "CareResolveEscalationProblem",
    "CareResolveEscalationProblemCode",
    "CareSchedule",
    "CareScheduleException",
    "CareSetMyProfileProblem",
    "CareSetMyProfileProblemCode",
    "CareSetMyScheduleProblem",
    "CareSetMyScheduleProblemCode",
    "CareSetProviderScheduleProblem",
    "CareSetProviderScheduleProblemCode",
    "CareSeverity",
    "CareSeverityBand",
    "CareSlot",
    "CareSlots",
    "CareSpecialty",
    "CareStreamChatEventsProblem",
    "CareStreamChatEventsProblemCode",
    "CareSubmitAssessment",
    "CareSubmitAssessmentProblem",
    "CareSubmitAssessmentProblemCode",
    "CareTeamMember",
    "CareTrendDirection",
    "CareTrendPoint",
    "CareUpdateProviderProblem",
    "CareUpdateProviderProblemCode",
    "CareWeeklyRule",
    "ContentAdminCourse",
    "ContentAdminItem",
    "ContentAdminNarrator",
    "ContentArchiveCourseProblem",
    "ContentArchiveCourseProblemCode",
    "ContentArchiveItemProblem",
    "ContentArchiveItemProblemCode",
    "ContentBio",
    "ContentBioInput",
    "ContentBrowseCoursesProblem",
    "ContentBrowseCoursesProblemCode",
    "ContentBrowseItemsProblem",
    "ContentBrowseItemsProblemCode",
    "ContentCatalogCourse",
    "ContentCatalogItem",
    "ContentCatalogNarrator",
    "ContentCatalogVariant",
    "ContentCourseDocument",
    "ContentCourseDraftInput",
    "ContentCourseProgress",
    "ContentCourseRevision",
    "ContentCourseText",
    "ContentCourseTextInput",
    "ContentCreateCourseProblem",
    "ContentCreateCourseProblemCode",
    "ContentCreateItemProblem",
    "ContentCreateItemProblemCode",
    "ContentCreateNarratorProblem",
    "ContentCreateNarratorProblemCode",
    "ContentDeleteFavoriteCourseProblem",
    "ContentDeleteFavoriteCourseProblemCode",
    "ContentDeleteFavoriteItemProblem",
    "ContentDeleteFavoriteItemProblemCode",
    "ContentFavorite",
    "ContentFavoriteKind",
    "ContentGetCatalogCourseProblem",
    "ContentGetCatalogCourseProblemCode",
    "ContentGetCatalogItemProblem",
    "ContentGetCatalogItemProblemCode",
    "ContentGetCatalogNarratorProblem",
    "ContentGetCatalogNarratorProblemCode",
    "ContentGetCourseProblem",
    "ContentGetCourseProblemCode",
    "ContentGetItemProblem",
    "ContentGetItemProblemCode",
    "ContentGetNarratorProblem",
    "ContentGetNarratorProblemCode",
    "ContentGetVariantMediaUrlProblem",
    "ContentGetVariantMediaUrlProblemCode",
    "ContentItemDocument",
    "ContentItemDraftInput",
    "ContentItemRevision",
    "ContentItemStatus",
    "ContentItemText",
    "ContentItemTextInput",
    "ContentKind",
    "ContentListCourseRevisionsProblem",
    "ContentListCourseRevisionsProblemCode",
    "ContentListCoursesProblem",
    "ContentListCoursesProblemCode",
    "ContentListItemRevisionsProblem",
    "ContentListItemRevisionsProblemCode",
    "ContentListItemsProblem",
    "ContentListItemsProblemCode",
    "ContentListNarratorsProblem",
    "ContentListNarratorsProblemCode",
    "ContentMedia",
    "ContentMediaUrl",
    "ContentMyCourseProgressProblem",
    "ContentMyCourseProgressProblemCode",
    "ContentMyCoursesProblem",
    "ContentMyCoursesProblemCode",
    "ContentMyFavoritesProblem",
    "ContentMyFavoritesProblemCode",
    "ContentMyStatsProblem",
    "ContentMyStatsProblemCode",
    "ContentMyStreakProblem",
    "ContentMyStreakProblemCode",
    "ContentMyTodayProblem",
    "ContentMyTodayProblemCode",
    "ContentNarratorInput",
    "ContentNarratorRef",
    "ContentNextSession",
    "ContentPartOfDay",
    "ContentPlaybackEventInput",
    "ContentPlaybackEventResult",
    "ContentPlaybackEventStatus",
    "ContentPlaybackEventType",
    "ContentPlaybackRefusal",
    "ContentPlaybackSyncRequest",
    "ContentPlaybackSyncResult",
    "ContentPublishCourseProblem",
    "ContentPublishCourseProblemCode",
    "ContentPublishItemProblem",
    "ContentPublishItemProblemCode",
    "ContentPublishRequest",
    "ContentPutFavoriteCourseProblem",
    "ContentPutFavoriteCourseProblemCode",
    "ContentPutFavoriteItemProblem",
    "ContentPutFavoriteItemProblemCode",
    "ContentReplaceCourseDraftProblem",
    "ContentReplaceCourseDraftProblemCode",
    "ContentReplaceItemDraftProblem",
    "ContentReplaceItemDraftProblemCode",
    "ContentReplaceNarratorProblem",
    "ContentReplaceNarratorProblemCode",
    "ContentSearchPage",
    "ContentSearchProblem",
    "ContentSearchProblemCode",
    "ContentSessionProgress",
    "ContentStats",
    "ContentStatsDay",
    "ContentStreak",
    "ContentSyncPlaybackProblem",
    "ContentSyncPlaybackProblemCode",
    "ContentToday",
    "ContentTodayEntry",
    "ContentTodayReason",
    "ContentUnpublishCourseProblem",
    "ContentUnpublishCourseProblemCode",
    "ContentUnpublishItemProblem",
    "ContentUnpublishItemProblemCode",
    "ContentUploadItemImageProblem",
    "ContentUploadItemImageProblemCode",
    "ContentUploadVariantAudioProblem",
    "ContentUploadVariantAudioProblemCode",
    "ContentVariant",
    "ContentVariantInput",
    "FieldError",
    "HealthStatus",
    "IdentityAdminDisableUserProblem",
    "IdentityAdminDisableUserProblemCode",
    "IdentityAdminEnableUserProblem",
    "IdentityAdminEnableUserProblemCode",
    "IdentityAdminGetUserProblem",
    "IdentityAdminGetUserProblemCode",
    "IdentityAdminListUsersProblem",
    "IdentityAdminListUsersProblemCode",
    "IdentityAdminSetRoles",
    "IdentityAdminSetRolesProblem",
    "IdentityAdminSetRolesProblemCode",
    "IdentityAdminUser",
    "IdentityChangePassword",
    "IdentityChangePasswordProblem",
    "IdentityChangePasswordProblemCode",
    "IdentityConfirmEmail",
    "IdentityConfirmEmailProblem",
    "IdentityConfirmEmailProblemCode",
    "IdentityConfirmTotpProblem",
    "IdentityConfirmTotpProblemCode",
    "IdentityCreateOrganization",
    "IdentityCreateOrganizationProblem",
    "IdentityCreateOrganizationProblemCode",
    "IdentityDeleteAccount",
    "IdentityDeleteAccountProblem",
    "IdentityDeleteAccountProblemCode",
    "IdentityDisableMfaProblem",
    "IdentityDisableMfaProblemCode",
    "IdentityDownloadExportProblem",
    "IdentityDownloadExportProblemCode",
    "IdentityEligibilityReport",
    "IdentityEmailAccepted",
    "IdentityErasure",
    "IdentityErasureStep",
    "IdentityExport",
    "IdentityExportState",
    "IdentityGetErasureProblem",
    "IdentityGetErasureProblemCode",
    "IdentityGetExportProblem",
    "IdentityGetExportProblemCode",
    "IdentityGetMeProblem",
    "IdentityGetMeProblemCode",
    "IdentityGetMfaProblem",
    "IdentityGetMfaProblemCode",
    "IdentityGetMyOrganizationProblem",
    "IdentityGetMyOrganizationProblemCode",
    "IdentityGetOrganizationProblem",
    "IdentityGetOrganizationProblemCode",
    "IdentityJoinOrganization",
    "IdentityJoinOrganizationProblem",
    "IdentityJoinOrganizationProblemCode",
    "IdentityJoinedVia",
    "IdentityJwk",
    "IdentityJwkSet",
    "IdentityJwksProblem",
    "IdentityJwksProblemCode",
    "IdentityLeaveOrganizationProblem",
    "IdentityLeaveOrganizationProblemCode",
    "IdentityListOrganizationMembersProblem",
    "IdentityListOrganizationMembersProblemCode",
    "IdentityListOrganizationsProblem",
    "IdentityListOrganizationsProblemCode",
    "IdentityListSessionsProblem",
    "IdentityListSessionsProblemCode",
    "IdentityLoginMfaProblem",
    "IdentityLoginMfaProblemCode",
    "IdentityLoginMfaRequestType0",
    "IdentityLoginMfaRequestType1",
    "IdentityLoginProblem",
    "IdentityLoginProblemCode",
    "IdentityLoginRequest",
    "IdentityLoginResultIdentityMfaChallenge",
    "IdentityLoginResultIdentityMfaChallengeStatus",
    "IdentityLoginResultIdentityTokenResponse",
    "IdentityLoginResultIdentityTokenResponseStatus",
    "IdentityLogoutProblem",
    "IdentityLogoutProblemCode",
    "IdentityMembership",
    "IdentityMfaChallenge",
    "IdentityMfaCodeRequest",
    "IdentityMfaDisableRequestType0",
    "IdentityMfaDisableRequestType1",
    "IdentityMfaStatus",
    "IdentityOrganization",
    "IdentityOrganizationMember",
    "IdentityRecoveryCodes",
    "IdentityRefreshRequest",
    "IdentityRefreshTokenProblem",
    "IdentityRefreshTokenProblemCode",
    "IdentityRegenerateRecoveryCodesProblem",
    "IdentityRegenerateRecoveryCodesProblemCode",
    "IdentityRegisterProblem",
    "IdentityRegisterProblemCode",
    "IdentityRegisterRequest",
    "IdentityRemoveOrganizationMemberProblem",
    "IdentityRemoveOrganizationMemberProblemCode",
    "IdentityReplaceEligibilityProblem",
    "IdentityReplaceEligibilityProblemCode",
    "IdentityRequestEmailVerificationProblem",
    "IdentityRequestEmailVerificationProblemCode",
    "IdentityRequestExportProblem",
    "IdentityRequestExportProblemCode",
    "IdentityRequestPasswordReset",
    "IdentityRequestPasswordResetProblem",
    "IdentityRequestPasswordResetProblemCode",
    "IdentityResetPassword",
    "IdentityResetPasswordProblem",
    "IdentityResetPasswordProblemCode",
    "IdentityRevokeOtherSessionsProblem",
    "IdentityRevokeOtherSessionsProblemCode",
    "IdentityRevokeSessionProblem",
    "IdentityRevokeSessionProblemCode",
    "IdentitySession",
    "IdentityStartTotpEnrollmentProblem",
    "IdentityStartTotpEnrollmentProblemCode",
    "IdentityTokenResponse",
    "IdentityTokenType",
    "IdentityTotpEnrollment",
    "IdentityUpdateMeProblem",
    "IdentityUpdateMeProblemCode",
    "IdentityUpdateOrganization",
    "IdentityUpdateOrganizationProblem",
    "IdentityUpdateOrganizationProblemCode",
    "IdentityUpdateProfile",
    "IdentityUser",
    "Meta",
    "MetaGetProblem",
    "MetaGetProblemCode",
    "PageBillingLedgerEntry",
    "PageBillingProduct",
    "PageBillingPromoCode",
    "PageBillingSubscription",
    "PageBillingWaitlistEntry",
    "PageCareAppointment",
    "PageCareAssessment",
    "PageCareAuditEntry",
    "PageCareChatMessage",
    "PageCareChatThread",
    "PageCareEscalation",
    "PageCareProvider",
    "PageCareProviderAdmin",
    "PageContentAdminCourse",
    "PageContentAdminItem",
    "PageContentCatalogCourse",
    "PageContentCatalogItem",
    "PageContentCatalogNarrator",
    "PageContentCourseProgress",
    "PageContentCourseRevision",
    "PageContentFavorite",
    "PageContentItemRevision",
    "PageIdentityAdminUser",
    "PageIdentityOrganization",
    "PageIdentityOrganizationMember",
    "PageIdentitySession",
    "PlatformHealthLiveProblem",
    "PlatformHealthLiveProblemCode",
    "PlatformHealthReadyProblem",
    "PlatformHealthReadyProblemCode",
    "Problem",
    "Role",
)
