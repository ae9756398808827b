namespace VoiceConnector.TwilioFake.Validation;

/// <summary>
/// Requirements the spec states in its descriptions rather than its schemas: CreateIncomingPhoneNumber says
/// "You must provide an area_code or a phone_number"; CreateCall needs one of Url, Twiml or ApplicationSid.
/// </summary>
public static class DocumentedRules
{
    public static string? Check(string operationId, IReadOnlyCollection<string> formNames)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        ArgumentNullException.ThrowIfNull(formNames);
        if (operationId == "CreateIncomingPhoneNumber" && !formNames.Contains("PhoneNumber") && !formNames.Contains("AreaCode"))
        {
            return "one of PhoneNumber or AreaCode is required";
        }

        if (operationId == "CreateCall" && !formNames.Contains("Url") && !formNames.Contains("Twiml") && !formNames.Contains("ApplicationSid"))
        {
            return "one of Url, Twiml or ApplicationSid is required";
        }

        return null;
    }
}
