-- A project's processing options as the photogrammetry API sets them (tags, output CRS, outputs,
-- formats, region of interest), kept as the JSON the API validated; null for the defaults.
ALTER TABLE project ADD COLUMN processing_options ${text};
