using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// The WebRTC VAD C API in libwebrtc_audio_processing.so.1 (Debian libwebrtc-audio-processing1, 0.3):
/// <c>VadInst* WebRtcVad_Create(void)</c>, <c>void WebRtcVad_Free(VadInst*)</c>, <c>int WebRtcVad_Init(VadInst*)</c>,
/// <c>int WebRtcVad_set_mode(VadInst*, int)</c>, <c>int WebRtcVad_Process(VadInst*, int fs, const int16_t*, size_t)</c>.
/// </summary>
internal static partial class WebRtcVadNative
{
    private const string Library = "libwebrtc_audio_processing.so.1";

    [LibraryImport(Library)]
    internal static partial WebRtcVadHandle WebRtcVad_Create();

    [LibraryImport(Library)]
    internal static partial void WebRtcVad_Free(IntPtr handle);

    [LibraryImport(Library)]
    internal static partial int WebRtcVad_Init(WebRtcVadHandle handle);

    [LibraryImport(Library)]
    internal static partial int WebRtcVad_set_mode(WebRtcVadHandle handle, int mode);

    [LibraryImport(Library)]
    internal static unsafe partial int WebRtcVad_Process(WebRtcVadHandle handle, int sampleRate, short* frame, nuint frameLength);
}
