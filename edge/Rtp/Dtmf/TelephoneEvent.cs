using System.Buffers.Binary;

namespace VoiceConnector.Edge.Rtp.Dtmf;

/// <summary>An RFC 4733 telephone-event payload: event code, end bit, volume and duration so far.</summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;

    /// <summary>Parses the first event block of a payload; false when it is shorter than 4 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the 4-byte payload (R bit 0).</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }

    /// <summary>The DTMF key of an event code 0-15, or null for other events (flash, tones).</summary>
    public static char? ToDigit(byte code) => code switch
    {
        <= 9 => (char)('0' + code),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + (code - 12)),
        _ => null,
    };

    /// <summary>The event code of a DTMF key; -1 when it is not one.</summary>
    public static int FromDigit(char digit) => digit switch
    {
        >= '0' and <= '9' => digit - '0',
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => 12 + (digit - 'A'),
        >= 'a' and <= 'd' => 12 + (digit - 'a'),
        _ => -1,
    };
}
