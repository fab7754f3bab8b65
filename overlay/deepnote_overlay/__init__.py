"""Hand-written overlay on the generated Deepnote client."""
