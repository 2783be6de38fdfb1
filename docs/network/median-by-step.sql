-- The median score of each roadmap step across the organisations of a network, per
-- perspective, from a folder of Roadmap Readiness exports. Run it from the folder that
-- holds weights.csv and a subfolder exports/ with the exported .json files:
--     duckdb < median-by-step.sql
-- Each organisation's step score is the app's: 100 × Σ(weight × level/4) / Σ(weight)
-- over the step's questions answered with a level. "Not applicable", "Don't know",
-- unanswered, retired and unknown questions do not count, nor, in a quick check, the
-- questions outside it. A step without a scored answer has no score and stays out of
-- that step's median. An organisation exported more than once counts once, with its
-- highest revision.
WITH exports AS (
    SELECT assessment
    FROM read_json('exports/*.json', columns = {
        format: 'VARCHAR',
        saved_at: 'VARCHAR',
        assessment: 'STRUCT(id VARCHAR, perspective VARCHAR, mode VARCHAR, revision UBIGINT,
                            answers STRUCT(question VARCHAR, response VARCHAR, level INTEGER)[])'
    })
    WHERE format = 'roadmap-readiness.assessment'
    QUALIFY row_number() OVER (
        PARTITION BY assessment.id ORDER BY assessment.revision DESC, saved_at DESC) = 1
),
answers AS (
    SELECT assessment.id, assessment.perspective, assessment.mode,
           unnest(assessment.answers, recursive := true)
    FROM exports
),
weights AS (
    SELECT * FROM read_csv('weights.csv', header = true, columns = {
        perspective: 'VARCHAR', question: 'VARCHAR', step: 'INTEGER',
        weight: 'INTEGER', quick: 'BOOLEAN'
    })
),
step_scores AS (
    SELECT answers.id, answers.perspective, weights.step,
           100 * sum(weights.weight * answers.level / 4) / sum(weights.weight) AS score
    FROM answers
    JOIN weights USING (perspective, question)
    WHERE answers.response = 'level' AND (answers.mode = 'full' OR weights.quick)
    GROUP BY answers.id, answers.perspective, weights.step
)
SELECT perspective, step, count(*) AS organisations, round(median(score), 1) AS median_score
FROM step_scores
GROUP BY perspective, step
ORDER BY perspective, step;
