DROP TABLE care_chat_messages;
DROP TABLE care_chat_threads;
