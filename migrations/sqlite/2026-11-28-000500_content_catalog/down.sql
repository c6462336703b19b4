DROP TABLE content_item_revisions;
DROP TABLE content_items;
DROP TABLE content_narrators;
DROP TABLE content_catalog_version;
