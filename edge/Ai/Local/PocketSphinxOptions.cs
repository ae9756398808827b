using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>Embedded STT settings, bound from <c>Ai:PocketSphinx</c>.</summary>
public sealed class PocketSphinxOptions
{
    public const string Section = "Ai:PocketSphinx";

    /// <summary>Folder holding <c>en-us/</c> (acoustic model), <c>en-us.lm.bin</c> and <c>cmudict-en-us.dict</c>.</summary>
    [Required]
    public string ModelPath { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>Decoders kept (each holds the models in memory); at most this many transcriptions run at once.</summary>
    [Range(1, 16)]
    public int PoolSize { get; set; } = 2;
}
