"""The Arabic text layer: decoding, normalization with an offset map, sentences, tokens, metadata."""
