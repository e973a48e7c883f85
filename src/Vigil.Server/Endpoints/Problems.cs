using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Vigil.Server.Endpoints;

/// <summary>ProblemDetails answers that name where and why.</summary>
internal static class Problems
{
    /// <summary>A 400 naming the field and the reason.</summary>
    /// <param name="field">The parameter or body field.</param>
    /// <param name="reason">Why it is wrong.</param>
    /// <returns>The result.</returns>
    public static ValidationProblem Invalid(string field, string reason)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [reason] }, title: "The request is not valid");

    /// <summary>A 404 naming what was not found.</summary>
    /// <param name="what">For example <c>alert 'abc'</c>.</param>
    /// <returns>The result.</returns>
    public static ProblemHttpResult NotFound(string what)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {what}.");
}
