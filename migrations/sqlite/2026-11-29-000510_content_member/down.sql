DROP TABLE content_favorites;
DROP TABLE content_course_progress;
DROP TABLE content_active_days;
DROP TABLE content_playback_events;
DROP TABLE content_course_revisions;
DROP TABLE content_courses;
