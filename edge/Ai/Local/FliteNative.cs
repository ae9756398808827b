using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>
/// The flite 2.2 C API (Debian libflite1): <c>int flite_init(void)</c>,
/// <c>cst_voice *register_cmu_us_slt(const char *voxdir)</c>, <c>void unregister_cmu_us_slt(cst_voice *)</c>,
/// <c>cst_wave *flite_text_to_wave(const char *text, cst_voice *voice)</c>, <c>void delete_wave(cst_wave *)</c>.
/// </summary>
internal static partial class FliteNative
{
    private const string Flite = "libflite.so.1";
    private const string SltVoice = "libflite_cmu_us_slt.so.1";

    [LibraryImport(Flite)]
    internal static partial int flite_init();

    [LibraryImport(SltVoice, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial FliteVoiceHandle register_cmu_us_slt(string? voxdir);

    [LibraryImport(SltVoice)]
    internal static partial void unregister_cmu_us_slt(IntPtr voice);

    [LibraryImport(Flite, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial FliteWaveHandle flite_text_to_wave(string text, FliteVoiceHandle voice);

    [LibraryImport(Flite)]
    internal static partial void delete_wave(IntPtr wave);

    /// <summary>Layout of <c>cst_wave</c>: type, sample_rate, num_samples, num_channels, samples.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct CstWave
    {
        public IntPtr Type;
        public int SampleRate;
        public int NumSamples;
        public int NumChannels;
        public IntPtr Samples;
    }
}
