DROP TABLE care_access_audit;
DROP TABLE care_reminders_sent;
DROP TABLE care_team_members;
DROP TABLE care_appointments;
DROP TABLE care_member_profiles;
DROP TABLE care_providers;
