-- Role and databases the services use, for the PostgreSQL container of docker-compose.yml.
-- (./stack creates the same with psql against the local server.)
CREATE ROLE privacy LOGIN PASSWORD 'privacy';
CREATE DATABASE consent OWNER privacy;
CREATE DATABASE retention OWNER privacy;
CREATE DATABASE dsr OWNER privacy;
CREATE DATABASE disclosure OWNER privacy;
