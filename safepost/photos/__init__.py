"""Photos: open uploads safely, strip everything but the pixels, render copies for each platform.

Plain Python (Pillow, pillow-heif); never imports Django. ``images`` opens and renders. Imported on
their own, because each loads a model: ``faces`` (OpenCV's YuNet) finds and blurs faces,
``matching`` (dlib) compares faces with enrolled pupils' where the school uses face matching,
``nsfw`` (onnxruntime) scores how likely an image is unsuitable. ``policy`` applies the school's
policy to what is known about a post's photos.
"""

from safepost.photos.images import (
    ACCEPTED_FORMATS,
    MAX_BYTES,
    MAX_PIXELS,
    PRESETS,
    Photo,
    PhotoError,
    Preset,
    Rendition,
    open_photo,
    render,
    render_for,
)

__all__ = [
    "ACCEPTED_FORMATS",
    "MAX_BYTES",
    "MAX_PIXELS",
    "PRESETS",
    "Photo",
    "PhotoError",
    "Preset",
    "Rendition",
    "open_photo",
    "render",
    "render_for",
]
