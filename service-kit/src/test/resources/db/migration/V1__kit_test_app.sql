-- The test application's own table: how many times the test consumer applied an event to each subject.
CREATE TABLE kit_test_tally (
    subject_id  VARCHAR(64) PRIMARY KEY,
    applied     INTEGER     NOT NULL DEFAULT 0
);
