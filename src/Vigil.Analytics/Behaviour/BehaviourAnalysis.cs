using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Findings;
using Vigil.Analytics.Behaviour.Models;
using Vigil.Analytics.Behaviour.Observations;
using Vigil.Analytics.Behaviour.Settings;
using Vigil.Ingest.Enrichment;

namespace Vigil.Analytics.Behaviour;

/// <summary>
/// The behavioural models of one hunt: hunt workers add observations to <see cref="Collector"/> while the rules run;
/// <see cref="Run"/> then feeds them to the models in time order (files of different sources interleave in time, and a
/// baseline must never learn from the future) and returns the findings.
/// </summary>
internal sealed class BehaviourAnalysis
{
    private BehaviourAnalysis(BehaviourEngine engine) => Engine = engine;

    /// <summary>Gets the engine (models, counts).</summary>
    public BehaviourEngine Engine { get; }

    /// <summary>Gets the collector the hunt workers fill.</summary>
    public ObservationCollector Collector { get; } = new();

    /// <summary>Loads the models of a folder and the behaviour context of a context folder.</summary>
    /// <param name="modelsPath">The models folder.</param>
    /// <param name="contextPath">The context folder, or null.</param>
    /// <param name="organization">The loaded organisation context, or null.</param>
    /// <param name="errors">Receives every problem in the settings and context files.</param>
    /// <returns>The analysis.</returns>
    public static BehaviourAnalysis Load(string modelsPath, string? contextPath, OrganizationContext? organization, List<ModelError> errors)
    {
        var catalog = ModelCatalogLoader.Load(modelsPath);
        errors.AddRange(catalog.Errors);
        var context = BehaviourContextLoader.Load(contextPath, organization, errors);
        var models = BehaviourModelFactory.Create(catalog.Models, context, errors);
        return new BehaviourAnalysis(new BehaviourEngine(models, context, catalog.Scoring));
    }

    /// <summary>Runs the models over everything collected, in time order.</summary>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The findings, in time order.</returns>
    public IReadOnlyList<ModelFinding> Run(CancellationToken cancellationToken)
    {
        var i = 0;
        foreach (var observation in Collector.Drain())
        {
            if ((++i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Engine.Observe(observation);
        }

        Engine.Complete();
        return Engine.Findings;
    }

    /// <summary>
    /// Scores what was collected since the last call, in time order, without ending the stream (the server calls this on a
    /// schedule; open hour and day buckets stay open), and returns the findings reported meanwhile.
    /// </summary>
    /// <param name="cancellationToken">Stops the scoring.</param>
    /// <returns>The new findings.</returns>
    public IReadOnlyList<ModelFinding> ObserveCollected(CancellationToken cancellationToken)
    {
        var i = 0;
        foreach (var observation in Collector.Drain())
        {
            if ((++i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Engine.Observe(observation);
        }

        return Engine.TakeFindings();
    }
}
