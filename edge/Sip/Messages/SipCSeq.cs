using System.Globalization;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>The CSeq header: sequence number (32-bit unsigned) and method.</summary>
public readonly record struct SipCSeq(uint Number, string Method)
{
    public static bool TryParse(string? text, out SipCSeq cseq)
    {
        cseq = default;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0].Length > 10 || !SipText.IsToken(parts[1])
            || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        cseq = new SipCSeq(number, parts[1]);
        return true;
    }

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;
}
