//! What an upload really is, from its first bytes (magic numbers), whatever its
//! `Content-Type` claims.

/// A media type the catalog accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    /// `audio/mpeg` (MP3: an ID3 tag or an MPEG frame sync).
    Mp3,
    /// `audio/wav` (RIFF … WAVE).
    Wav,
    /// `audio/ogg` (Ogg: Vorbis or Opus).
    Ogg,
    /// `audio/flac`.
    Flac,
    /// `audio/mp4` (an ISO base media `ftyp` box: M4A/AAC).
    Mp4,
    /// `image/jpeg`.
    Jpeg,
    /// `image/png`.
    Png,
    /// `image/webp` (RIFF … WEBP).
    Webp,
}

/// Bytes [`sniff`] needs to decide.
pub const SNIFF_LEN: usize = 12;

impl MediaType {
    /// Every accepted type.
    pub const ALL: [MediaType; 8] = [
        MediaType::Mp3,
        MediaType::Wav,
        MediaType::Ogg,
        MediaType::Flac,
        MediaType::Mp4,
        MediaType::Jpeg,
        MediaType::Png,
        MediaType::Webp,
    ];

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Mp3 => "audio/mpeg",
            MediaType::Wav => "audio/wav",
            MediaType::Ogg => "audio/ogg",
            MediaType::Flac => "audio/flac",
            MediaType::Mp4 => "audio/mp4",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
        }
    }

    /// The file extension of stored objects (the media route derives the type from it).
    pub fn ext(self) -> &'static str {
        match self {
            MediaType::Mp3 => "mp3",
            MediaType::Wav => "wav",
            MediaType::Ogg => "ogg",
            MediaType::Flac => "flac",
            MediaType::Mp4 => "m4a",
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Webp => "webp",
        }
    }

    /// From a stored object's extension.
    pub fn from_ext(ext: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.ext() == ext)
    }

    /// From a MIME type (parameters ignored; `audio/x-wav` and `audio/wave` too).
    pub fn from_mime(mime: &str) -> Option<Self> {
        let base = mime
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match base.as_str() {
            "audio/x-wav" | "audio/wave" => Some(MediaType::Wav),
            "audio/mp3" => Some(MediaType::Mp3),
            "audio/x-m4a" | "audio/aac" => Some(MediaType::Mp4),
            "audio/x-flac" => Some(MediaType::Flac),
            _ => Self::ALL.into_iter().find(|t| t.mime() == base),
        }
    }

    /// Whether it is audio (else an image).
    pub fn is_audio(self) -> bool {
        self.mime().starts_with("audio/")
    }
}

/// The type the first bytes show, if one the catalog accepts.
pub fn sniff(head: &[u8]) -> Option<MediaType> {
    let at = |i: usize, magic: &[u8]| head.get(i..i + magic.len()) == Some(magic);
    if at(0, b"RIFF") && at(8, b"WAVE") {
        Some(MediaType::Wav)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Some(MediaType::Webp)
    } else if at(0, b"ID3") || (head.len() >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0) {
        Some(MediaType::Mp3)
    } else if at(0, b"OggS") {
        Some(MediaType::Ogg)
    } else if at(0, b"fLaC") {
        Some(MediaType::Flac)
    } else if at(4, b"ftyp") {
        Some(MediaType::Mp4)
    } else if at(0, &[0xFF, 0xD8, 0xFF]) {
        Some(MediaType::Jpeg)
    } else if at(0, &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(MediaType::Png)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_decide_not_names() {
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), Some(MediaType::Wav));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(MediaType::Webp));
        assert_eq!(sniff(b"ID3\x04\0\0\0\0\0\0\0\0"), Some(MediaType::Mp3));
        assert_eq!(sniff(&[0xFF, 0xFB, 0x90, 0x64]), Some(MediaType::Mp3));
        assert_eq!(sniff(b"OggS\0\x02\0\0\0\0\0\0"), Some(MediaType::Ogg));
        assert_eq!(sniff(b"\0\0\0\x20ftypM4A "), Some(MediaType::Mp4));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(MediaType::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\x0d"), Some(MediaType::Png));
        assert_eq!(sniff(b"<html><body>"), None);
        assert_eq!(sniff(b"MZ\x90\0"), None);
        assert_eq!(sniff(b""), None);
    }
}
