namespace VoiceConnector.TwilioFake.Spec;

/// <summary>
/// Finds Twilio's OpenAPI spec: the <c>TWILIO_OPENAPI_SPEC</c> environment variable, else <c>shared/specs/...</c>
/// in the nearest ancestor of the test binaries (the repository sits next to <c>shared/</c>).
/// </summary>
public static class SpecFileLocator
{
    public const string FileName = "twilio_api_v2010_numbers_calls.json";
    public const string EnvironmentVariable = "TWILIO_OPENAPI_SPEC";

    public static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new FileNotFoundException($"{EnvironmentVariable} names a file that does not exist.", fromEnvironment);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "specs", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"Twilio's OpenAPI spec was not found as shared/specs/{FileName} above {AppContext.BaseDirectory}; set {EnvironmentVariable}.");
    }
}
