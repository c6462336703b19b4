//! Short generated WAV files for the demo catalog (`haven seed`): a soft tone, so
//! playback really plays without binary files in the repository.

/// A mono 16-bit PCM WAV of `seconds` of a `hz` sine at `rate` samples per second,
/// faded in and out.
pub fn tone(seconds: u32, hz: f32, rate: u32) -> Vec<u8> {
    let samples = seconds * rate;
    let data_len = samples * 2;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    let fade = (rate / 10).max(1) as f32;
    for i in 0..samples {
        let t = i as f32 / rate as f32;
        let edge = (i.min(samples - 1 - i) as f32 / fade).min(1.0);
        let v = (t * hz * std::f32::consts::TAU).sin() * 0.2 * edge;
        out.extend_from_slice(&((v * f32::from(i16::MAX)) as i16).to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::sniff::{MediaType, sniff};

    #[test]
    fn a_tone_is_a_wav_of_the_right_length() {
        let w = tone(2, 440.0, 8_000);
        assert_eq!(w.len(), 44 + 2 * 8_000 * 2);
        assert_eq!(sniff(&w), Some(MediaType::Wav));
    }
}
