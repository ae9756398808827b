namespace VoiceConnector.TwilioFake;

/// <summary>Failures the fake can inject into a request.</summary>
public enum FakeFaultKind
{
    /// <summary>Answer with an error status (5xx, or 429 with Retry-After) without handling the request.</summary>
    Status,

    /// <summary>Wait before handling the request normally (the client may give up; the request is still carried out).</summary>
    Slow,

    /// <summary>Close the connection without handling the request or answering.</summary>
    DropBeforeHandling,

    /// <summary>Handle the request (state changes) and then close the connection without answering.</summary>
    DropAfterHandling,
}
