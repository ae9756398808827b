using System.Buffers.Text;
using System.Text.Json;

namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>
/// Reads Media Streams messages with <see cref="Utf8JsonReader"/>: <c>media</c> payloads are unescaped and
/// base64-decoded straight into a caller-supplied buffer, mark names parsed as numbers; start/dtmf/stop bodies go
/// through the source-generated serializer. Unknown properties and events are skipped.
/// </summary>
internal static class TwilioMessageReader
{
    public static TwilioReadStatus Read(ReadOnlySpan<byte> json, Span<byte> payload, out TwilioInbound message)
    {
        message = TwilioInbound.Empty;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return TwilioReadStatus.MalformedJson;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var status = ReadProperty(ref reader, payload, ref message);
                if (status != TwilioReadStatus.Ok)
                {
                    return status;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
                ? TwilioReadStatus.Ok
                : TwilioReadStatus.MalformedJson;
        }
        catch (JsonException)
        {
            return TwilioReadStatus.MalformedJson;
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong JSON type (e.g. a number where a string belongs).
            return TwilioReadStatus.MalformedJson;
        }
    }

    private static TwilioReadStatus ReadProperty(ref Utf8JsonReader reader, Span<byte> payload, ref TwilioInbound message)
    {
        if (reader.ValueTextEquals("event"u8))
        {
            reader.Read();
            message.Event = ParseEvent(ref reader);
        }
        else if (reader.ValueTextEquals("sequenceNumber"u8))
        {
            reader.Read();
            message.SequenceNumber = ReadNumber(ref reader);
        }
        else if (reader.ValueTextEquals("media"u8))
        {
            reader.Read();
            return ReadMedia(ref reader, payload, ref message);
        }
        else if (reader.ValueTextEquals("mark"u8))
        {
            reader.Read();
            ReadMark(ref reader, ref message);
        }
        else if (reader.ValueTextEquals("start"u8))
        {
            reader.Read();
            message.Start = JsonSerializer.Deserialize(ref reader, TwilioJsonContext.Default.TwilioStart);
        }
        else if (reader.ValueTextEquals("dtmf"u8))
        {
            reader.Read();
            message.Dtmf = JsonSerializer.Deserialize(ref reader, TwilioJsonContext.Default.TwilioDtmf);
        }
        else if (reader.ValueTextEquals("stop"u8))
        {
            reader.Read();
            message.Stop = JsonSerializer.Deserialize(ref reader, TwilioJsonContext.Default.TwilioStop);
        }
        else
        {
            reader.Read();
            reader.Skip();
        }

        return TwilioReadStatus.Ok;
    }

    private static TwilioEventType ParseEvent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("event is not a string");
        }

        return reader.ValueTextEquals("media"u8) ? TwilioEventType.Media
            : reader.ValueTextEquals("mark"u8) ? TwilioEventType.Mark
            : reader.ValueTextEquals("dtmf"u8) ? TwilioEventType.Dtmf
            : reader.ValueTextEquals("start"u8) ? TwilioEventType.Start
            : reader.ValueTextEquals("stop"u8) ? TwilioEventType.Stop
            : reader.ValueTextEquals("connected"u8) ? TwilioEventType.Connected
            : reader.ValueTextEquals("clear"u8) ? TwilioEventType.Clear
            : TwilioEventType.Unknown;
    }

    private static TwilioReadStatus ReadMedia(ref Utf8JsonReader reader, Span<byte> payload, ref TwilioInbound message)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return TwilioReadStatus.MalformedJson;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                var status = ReadPayload(ref reader, payload, ref message);
                if (status != TwilioReadStatus.Ok)
                {
                    return status;
                }
            }
            else if (reader.ValueTextEquals("chunk"u8))
            {
                reader.Read();
                message.Chunk = ReadNumber(ref reader);
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                message.TimestampMs = ReadNumber(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return TwilioReadStatus.Ok;
    }

    private static TwilioReadStatus ReadPayload(ref Utf8JsonReader reader, Span<byte> payload, ref TwilioInbound message)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return TwilioReadStatus.MalformedJson;
        }

        if (reader.ValueSpan.Length > payload.Length)
        {
            return TwilioReadStatus.PayloadTooLarge;
        }

        var text = reader.CopyString(payload);
        if (Base64.DecodeFromUtf8InPlace(payload[..text], out var written) != System.Buffers.OperationStatus.Done)
        {
            return TwilioReadStatus.BadBase64;
        }

        message.PayloadLength = written;
        message.HasPayload = true;
        return TwilioReadStatus.Ok;
    }

    private static void ReadMark(ref Utf8JsonReader reader, ref TwilioInbound message)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name"u8);
            reader.Read();
            if (isName && reader.TokenType == JsonTokenType.String)
            {
                message.MarkId = ReadNumber(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>A non-negative integer sent as a JSON string (or number); -1 when it is not one.</summary>
    private static long ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out var number) && number >= 0 ? number : -1;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return -1;
        }

        Span<byte> digits = stackalloc byte[20];
        if (reader.ValueSpan.Length > digits.Length)
        {
            return -1;
        }

        var length = reader.CopyString(digits);
        return Utf8Parser.TryParse(digits[..length], out long value, out var consumed)
            && consumed == length && value >= 0 ? value : -1;
    }
}
