"""Photos: open uploads safely, strip everything but the pixels, render copies for each platform.

Plain Python (Pillow, pillow-heif); never imports Django. ``images`` opens and renders;
``faces`` (imported on its own, it loads OpenCV) finds and blurs faces.
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
