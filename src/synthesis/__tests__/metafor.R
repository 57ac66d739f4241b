# The reference for src/synthesis: runs metafor on every input set of
# metafor.test.ts and prints the results as JSON on standard output.
#
# Usage: Rscript metafor.R input.json
# input.json: a list of sets, each { id, measure, type, ... } where type is
#   "binary"     with vectors ai, n1i, ci, n2i (events and sizes per arm),
#   "continuous" with vectors m1i, sd1i, n1i, m2i, sd2i, n2i,
#   "reported"   with vectors estimate, lower, upper (95% CI, reader's scale).
# Every number printed is metafor's own; nothing is recomputed here except
# turning a reported interval into a variance, which R does independently
# of our TypeScript (its own qnorm and log).

# Exit codes the test turns into install instructions: 3 without metafor, 4 without jsonlite.
if (!requireNamespace("metafor", quietly = TRUE)) quit(status = 3)
if (!requireNamespace("jsonlite", quietly = TRUE)) quit(status = 4)
suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
sets <- fromJSON(args[[1]], simplifyVector = TRUE, simplifyDataFrame = FALSE)

# NA (metafor's "not available") becomes JSON null; errors become null too.
safely <- function(expr) tryCatch(expr, error = function(e) NULL)
num <- function(x) if (is.null(x)) NULL else as.numeric(x)
# Vectors stay JSON arrays even when they hold one value.
vec <- function(x) if (is.null(x)) NULL else I(as.numeric(x))

effects <- function(set) {
  if (set$type == "binary") {
    return(escalc(measure = set$measure, ai = set$ai, n1i = set$n1i, ci = set$ci, n2i = set$n2i))
  }
  if (set$type == "continuous") {
    return(escalc(measure = set$measure, m1i = set$m1i, sd1i = set$sd1i, n1i = set$n1i,
                  m2i = set$m2i, sd2i = set$sd2i, n2i = set$n2i))
  }
  ratio <- set$measure %in% c("RR", "OR")
  f <- if (ratio) log else identity
  sei <- (f(set$upper) - f(set$lower)) / (2 * qnorm(0.975))
  escalc(measure = "GEN", yi = f(set$estimate), sei = sei)
}

model <- function(fit, k) {
  pred <- safely(predict(fit))
  riley <- safely(predict(fit, pi.type = "riley"))
  # confint() finds the Q-profile bounds with uniroot(), whose default tolerance
  # (about 1e-4 on tau^2) leaves a small tau^2 bound right to only three
  # figures (the RD set's upper bound is off by 7e-4 relative); a tight
  # tolerance gives the exact bounds that our bisection finds.
  ci <- if (k >= 2 && fit$method != "FE") safely(confint(fit, control = list(tol = 1e-10))) else NULL
  l1o <- if (k >= 2) safely(leave1out(fit)) else NULL
  list(
    estimate = num(fit$beta), se = num(fit$se), statistic = num(fit$zval), pval = num(fit$pval),
    ci_lb = num(fit$ci.lb), ci_ub = num(fit$ci.ub), tau2 = num(fit$tau2),
    Q = num(fit$QE), Qp = num(fit$QEp), I2 = num(fit$I2), H2 = num(fit$H2),
    weights = vec(weights(fit)),
    pi_lb = if (is.null(pred)) NULL else num(pred$pi.lb),
    pi_ub = if (is.null(pred)) NULL else num(pred$pi.ub),
    pi_riley_lb = if (is.null(riley)) NULL else num(riley$pi.lb),
    pi_riley_ub = if (is.null(riley)) NULL else num(riley$pi.ub),
    confint = if (is.null(ci)) NULL else list(
      tau2 = vec(ci$random["tau^2", ]), I2 = vec(ci$random["I^2(%)", ]), H2 = vec(ci$random["H^2", ])
    ),
    leave1out = if (is.null(l1o)) NULL else list(
      estimate = vec(l1o$estimate), se = vec(l1o$se), ci_lb = vec(l1o$ci.lb), ci_ub = vec(l1o$ci.ub),
      tau2 = vec(l1o$tau2), I2 = vec(l1o$I2), Q = vec(l1o$Q)
    )
  )
}

results <- lapply(sets, function(set) {
  es <- effects(set)
  k <- nrow(es)
  fits <- list(
    FE = safely(rma(yi, vi, data = es, method = "FE")),
    DL = safely(rma(yi, vi, data = es, method = "DL")),
    REML = safely(rma(yi, vi, data = es, method = "REML")),
    KNHA = safely(rma(yi, vi, data = es, method = "REML", test = "knha"))
  )
  list(
    id = set$id,
    yi = vec(es$yi),
    vi = vec(es$vi),
    models = lapply(fits, function(fit) if (is.null(fit)) NULL else model(fit, k))
  )
})

cat(toJSON(results, auto_unbox = TRUE, digits = NA, na = "null", null = "null"))
