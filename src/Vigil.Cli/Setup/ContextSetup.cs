using System.Globalization;
using Vigil.Ingest.Enrichment;
using Vigil.Ingest.Enrichment.Statistics;
using Vigil.Ingest.Normalization;

namespace Vigil.Cli.Setup;

/// <summary>
/// Loads what enrichment needs: the normalization maps and the organisation context folder. Bad map files and bad
/// context rows are printed (the first few, then a count) and left out; the rest is used.
/// </summary>
internal sealed class ContextSetup
{
    private const int PrintLimit = 20;

    private ContextSetup(Normalizer normalizer, ContextEnricher enricher, int errors, OrganizationContext organization)
    {
        Organization = organization;
        Normalizer = normalizer;
        Enricher = enricher;
        Errors = errors;
    }

    /// <summary>Gets the normalizer.</summary>
    public Normalizer Normalizer { get; }

    /// <summary>Gets the enrichment stage.</summary>
    public ContextEnricher Enricher { get; }

    /// <summary>Gets the organisation context loaded (empty when none was given).</summary>
    public OrganizationContext Organization { get; }

    /// <summary>Gets how many map and context errors were found.</summary>
    public int Errors { get; }

    /// <summary>Loads the normalization maps and the context folder.</summary>
    /// <param name="contextPath">The context folder.</param>
    /// <param name="mapsPath">The folder of normalization maps, or null for the default.</param>
    /// <param name="error">Where errors are printed.</param>
    /// <param name="note">Where notes are printed.</param>
    /// <returns>The setup.</returns>
    /// <exception cref="CliFatalException">No map can be loaded or the folder does not exist.</exception>
    public static ContextSetup Load(string contextPath, string? mapsPath, TextWriter error, Action<string> note)
    {
        var map = LoadMaps(mapsPath);
        var printed = 0;
        foreach (var problem in map.Errors)
        {
            if (printed++ < PrintLimit)
            {
                error.WriteLine($"vigil: map error: {problem.Message}");
            }
        }

        if (!Directory.Exists(contextPath))
        {
            throw new CliFatalException($"{contextPath}: the context folder does not exist");
        }

        var loaded = OrganizationContext.Load(contextPath);
        foreach (var problem in loaded.Errors)
        {
            if (printed++ < PrintLimit)
            {
                error.WriteLine($"vigil: context error: {problem}");
            }
        }

        var errors = map.Errors.Count + loaded.Errors.Count;
        if (errors > PrintLimit)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vigil: {errors - PrintLimit} more map and context errors not shown"));
        }

        var context = loaded.Context;
        note(string.Create(
            CultureInfo.InvariantCulture,
            $"context {contextPath}: {context.Assets.Assets.Count} assets, {context.Identities.Identities.Count} identities, {context.Indicators.All.Count} indicators ({context.Indicators.CountExpired(context.LoadedAt)} expired)"));
        return new ContextSetup(new Normalizer(map), new ContextEnricher(context), errors, context);
    }

    /// <summary>Normalization without an organisation context (for the models when no --context is given): nothing resolves.</summary>
    /// <param name="mapsPath">The maps folder, or null for the default.</param>
    /// <param name="error">Where map errors are printed.</param>
    /// <returns>The setup.</returns>
    public static ContextSetup WithoutContext(string? mapsPath, TextWriter error)
    {
        var map = LoadMaps(mapsPath);
        foreach (var problem in map.Errors.Take(PrintLimit))
        {
            error.WriteLine($"vigil: map error: {problem.Message}");
        }

        var empty = OrganizationContext.Empty();
        return new ContextSetup(new Normalizer(map), new ContextEnricher(empty), map.Errors.Count, empty);
    }

    /// <summary>Loads normalization maps from a folder, or the default ones.</summary>
    /// <param name="path">The folder, or null for the default.</param>
    /// <returns>The maps.</returns>
    /// <exception cref="CliFatalException">The folder does not exist.</exception>
    public static NormalizationMap LoadMaps(string? path)
    {
        try
        {
            return path is null ? NormalizationMap.LoadDefault() : NormalizationMap.Load(path);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliFatalException(ex.Message, ex);
        }
    }

    /// <summary>Prints, per source, how many users and hosts resolved and the values that did not.</summary>
    /// <param name="stats">The counts.</param>
    /// <param name="writer">Where to print.</param>
    public static void WriteResolution(ResolutionStats stats, TextWriter writer)
    {
        var summaries = stats.Snapshot();
        if (summaries.Count == 0)
        {
            return;
        }

        writer.WriteLine("Identity and asset resolution, per source:");
        foreach (var s in summaries)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {s.Source}: users {s.UsersResolved} resolved, {s.UsersUnresolved} unresolved, {s.UsersAmbiguous} ambiguous, {s.UsersSystem} system; hosts {s.HostsResolved} resolved, {s.HostsUnresolved} unresolved"));
            WriteTop("unresolved users", s.TopUnresolvedUsers, writer);
            WriteTop("ambiguous users", s.TopAmbiguousUsers, writer);
            WriteTop("unresolved hosts", s.TopUnresolvedHosts, writer);
        }
    }

    private static void WriteTop(string what, IReadOnlyList<UnresolvedValue> values, TextWriter writer)
    {
        if (values.Count > 0)
        {
            writer.WriteLine($"    {what}: " + string.Join(", ", values.Take(8).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Value} ({v.Count})"))));
        }
    }
}
