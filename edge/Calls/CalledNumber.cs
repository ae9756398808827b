namespace VoiceConnector.Edge.Calls;

/// <summary>
/// The number that selects a call's agent, in the form the functions app stores numbers (E.164) where possible.
/// </summary>
public static class CalledNumber
{
    /// <summary>Name of the Media Streams parameter carrying our own number (the agent's), sent by the functions TwiML.</summary>
    public const string NumberParameter = "number";

    /// <summary>
    /// A dialled SIP user part as E.164: visual separators (<c>-.() </c>, RFC 3966) are dropped and a run of digits not
    /// starting with 0 gets the '+' carriers often leave out (<c>14155550100</c> and <c>1000</c> become
    /// <c>+14155550100</c> and <c>+1000</c>). Anything else (a name, a national number with a leading 0) is returned
    /// as it came.
    /// </summary>
    public static string FromSipUser(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Span<char> digits = stackalloc char[Math.Min(user.Length, 32)];
        var count = 0;
        for (var i = 0; i < user.Length; i++)
        {
            var c = user[i];
            if (c is '-' or '.' or '(' or ')' or ' ')
            {
                continue;
            }

            if (c == '+' && i == 0)
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == digits.Length)
            {
                return user;
            }

            digits[count++] = c;
        }

        if (count == 0 || count > 15 || digits[0] == '0')
        {
            return user;
        }

        return string.Concat("+", digits[..count]);
    }

    /// <summary>
    /// The number whose agent answers this call: on a Media Stream, the <c>number</c> parameter (ours - for an
    /// outbound call that is the caller side, not <see cref="CallDescription.To"/>), else the called number.
    /// </summary>
    public static string OfAgent(CallDescription call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Parameters.TryGetValue(NumberParameter, out var number) && !string.IsNullOrEmpty(number) ? number : call.To;
    }

    /// <summary>True for E.164: '+', a first digit 1-9, at most 15 digits in all (what the functions app can look up).</summary>
    public static bool IsE164(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Length is < 3 or > 16 || number[0] != '+' || number[1] == '0')
        {
            return false;
        }

        foreach (var c in number.AsSpan(1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
