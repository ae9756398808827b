namespace VoiceConnector.Edge.Calls;

/// <summary>A DTMF key press: one of 0-9, *, #, A-D, and how long it was held.</summary>
public readonly record struct DtmfDigit(char Digit, int DurationMs)
{
    /// <summary>True for the sixteen DTMF keys.</summary>
    public static bool IsValid(char digit) =>
        digit is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D');
}
