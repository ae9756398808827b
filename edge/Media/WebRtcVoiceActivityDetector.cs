namespace VoiceConnector.Edge.Media;

/// <summary>
/// WebRTC's GMM voice activity detector (libwebrtc-audio-processing, P/Invoke) on 16 kHz frames of 10, 20 or 30 ms.
/// Stateful (it adapts its noise model): one instance per audio stream, used from one thread at a time.
/// No allocation per frame.
/// </summary>
public sealed class WebRtcVoiceActivityDetector : IVoiceActivityDetector
{
    private const int SampleRate = 16000;
    private readonly WebRtcVadHandle _handle;

    /// <param name="mode">Aggressiveness 0 (least, lets more through as speech) to 3 (most, for noisy lines).</param>
    public WebRtcVoiceActivityDetector(int mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mode, 3);
        _handle = WebRtcVadNative.WebRtcVad_Create();
        if (_handle.IsInvalid)
        {
            _handle.Dispose();
            throw new InvalidOperationException("WebRtcVad_Create failed");
        }

        if (WebRtcVadNative.WebRtcVad_Init(_handle) != 0 || WebRtcVadNative.WebRtcVad_set_mode(_handle, mode) != 0)
        {
            _handle.Dispose();
            throw new InvalidOperationException($"WebRTC VAD init with mode {mode} failed");
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The frame is not 160, 320 or 480 samples (10/20/30 ms at 16 kHz).</exception>
    public unsafe bool IsSpeech(ReadOnlySpan<short> frame)
    {
        if (frame.Length is not (160 or 320 or 480))
        {
            throw new ArgumentException("expected 10, 20 or 30 ms of 16 kHz audio (160, 320 or 480 samples)", nameof(frame));
        }

        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        int result;
        fixed (short* samples = frame)
        {
            result = WebRtcVadNative.WebRtcVad_Process(_handle, SampleRate, samples, (nuint)frame.Length);
        }

        return result switch
        {
            1 => true,
            0 => false,
            _ => throw new InvalidOperationException($"WebRtcVad_Process failed ({result})"),
        };
    }

    public void Dispose() => _handle.Dispose();
}
