using Microsoft.Win32.SafeHandles;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>Owns the registered cmu_us_slt <c>cst_voice</c>; unregistered exactly once.</summary>
internal sealed class FliteVoiceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public FliteVoiceHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        FliteNative.unregister_cmu_us_slt(handle);
        return true;
    }
}
