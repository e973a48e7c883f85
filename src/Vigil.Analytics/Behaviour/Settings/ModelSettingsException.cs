namespace Vigil.Analytics.Behaviour.Settings;

/// <summary>A model's settings cannot be used: the model is not created, and the file and reason are reported.</summary>
public sealed class ModelSettingsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The settings file.</param>
    /// <param name="message">Why.</param>
    public ModelSettingsException(string file, string message)
        : base($"{file}: {message}")
    {
        File = file;
        Reason = message;
    }

    /// <summary>Gets the settings file.</summary>
    public string File { get; }

    /// <summary>Gets why the settings cannot be used (the message without the file).</summary>
    public string Reason { get; }
}
