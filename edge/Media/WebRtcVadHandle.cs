using Microsoft.Win32.SafeHandles;

namespace VoiceConnector.Edge.Media;

/// <summary>Owns one native <c>VadInst</c>; freed exactly once with <c>WebRtcVad_Free</c>.</summary>
internal sealed class WebRtcVadHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public WebRtcVadHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        WebRtcVadNative.WebRtcVad_Free(handle);
        return true;
    }
}
