CREATE TABLE test_only_marker (id INT);
