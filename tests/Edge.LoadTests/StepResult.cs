namespace VoiceConnector.Edge.LoadTests;

/// <summary>Measurements of one load step.</summary>
internal sealed record StepResult(
    int Served,
    double FramesFraction,
    double P1,
    double P50,
    double P99,
    double P999,
    double Max,
    double Within,
    double Cpu,
    double ClientCpu,
    long Rss,
    double EdgeP1,
    double EdgeP99,
    double EdgeWithin,
    double ClientStallMs,
    double ClientGcMs,
    double EdgeGcMs,
    double EdgePoolDelayMaxMs);
