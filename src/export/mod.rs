//! Output of a filtered view for scripts and stories: text, markdown, JSON, CSV.
