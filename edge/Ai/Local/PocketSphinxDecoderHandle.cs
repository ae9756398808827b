using Microsoft.Win32.SafeHandles;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>Owns one native <c>ps_decoder_t</c>; freed exactly once with <c>ps_free</c>.</summary>
internal sealed class PocketSphinxDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PocketSphinxDecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => PocketSphinxNative.ps_free(handle) >= 0;
}
