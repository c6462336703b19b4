DROP TABLE platform_rate_limits;
