"""accords: multilingual extraction of international agreement signings into verified records."""

__version__ = "0.1.0"
__all__ = ["__version__"]
