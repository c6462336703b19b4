"""Contains all the data models used in inputs/outputs"""

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
