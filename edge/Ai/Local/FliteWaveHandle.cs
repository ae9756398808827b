using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>Owns one synthesised <c>cst_wave</c>; deleted exactly once.</summary>
internal sealed class FliteWaveHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public FliteWaveHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Copies the samples out (mono: flite voices are single-channel).</summary>
    public (short[] Samples, int SampleRate) Read()
    {
        var wave = Marshal.PtrToStructure<FliteNative.CstWave>(handle);
        if (wave.NumSamples < 0 || wave.SampleRate <= 0 || wave.NumChannels != 1 || (wave.NumSamples > 0 && wave.Samples == IntPtr.Zero))
        {
            throw new InvalidOperationException($"flite returned an unusable wave ({wave.NumSamples} samples, {wave.SampleRate} Hz, {wave.NumChannels} channels)");
        }

        var samples = new short[wave.NumSamples];
        if (samples.Length > 0)
        {
            Marshal.Copy(wave.Samples, samples, 0, samples.Length);
        }

        return (samples, wave.SampleRate);
    }

    protected override bool ReleaseHandle()
    {
        FliteNative.delete_wave(handle);
        return true;
    }
}
