namespace Vigil.Core.Events;

/// <summary>Collects read errors. Implementations must be thread-safe.</summary>
public interface IReadErrorSink
{
    /// <summary>Reports one error; reading goes on.</summary>
    /// <param name="error">The error.</param>
    void OnError(ReadError error);
}
