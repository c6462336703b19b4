DROP TABLE platform_nodes;
