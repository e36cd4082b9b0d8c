"""Archive files are private: stored outside MEDIA_ROOT, served through consent."""
