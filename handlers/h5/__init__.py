"""The public H5 page behind every poster (/v/<scene>)."""
