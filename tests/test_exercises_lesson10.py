"""Checks for lesson 10's exercises: right answers pass, common slips get a hint."""

import numpy as np

from helpers.exercises import lesson10


def rotation(d=8, seed=0):
    q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(d, d)))
    return q


def test_reverse_map_right():
    W = rotation()
    assert lesson10.check_reverse_map(W.T, W)
    assert "transpose" in repr(lesson10.check_reverse_map(W.T.tolist(), W))


def test_reverse_map_slips():
    W = rotation()
    assert "None" in lesson10.check_reverse_map(None, W).message
    for slip in (None, np.eye(4), rotation(seed=1)):  # the messages describe the fit, never write the call
        assert "procrustes(Y200, X200)" not in lesson10.check_reverse_map(slip, W).message
    assert "Swap" in lesson10.check_reverse_map(W, W).message
    assert "shape" in lesson10.check_reverse_map(np.eye(4), W).message
    assert "not orthogonal" in lesson10.check_reverse_map(2 * W.T, W).message
    assert "same 200 pairs" in lesson10.check_reverse_map(rotation(seed=1), W).message
    assert "matrix" in lesson10.check_reverse_map("W.T", W).message
    assert not lesson10.check_reverse_map(np.full((8, 8), np.nan), W)


def test_breaking_point():
    measured = {8: 0.55, 16: 0.54, 24: 0.48, 32: 0.29, 40: 0.47, 64: 0.63}
    assert lesson10.check_breaking_point(32, measured, dims=32)
    assert lesson10.check_breaking_point(np.int64(32), {np.int64(n): np.float64(v) for n, v in measured.items()}, 32)
    assert "lowest cosine is at 32" in lesson10.check_breaking_point(24, measured, dims=32).message
    assert "still None" in lesson10.check_breaking_point(None, measured, dims=32).message
    assert "empty" in lesson10.check_breaking_point(32, {}, dims=32).message
    assert "at least five" in lesson10.check_breaking_point(32, {16: 0.5, 32: 0.3, 64: 0.6}, dims=32).message
    edge = {32: 0.29, 40: 0.47, 48: 0.55, 64: 0.63, 128: 0.7}
    assert "fewer pairs" in lesson10.check_breaking_point(32, edge, dims=32).message
    far = {8: 0.55, 16: 0.3, 32: 0.4, 64: 0.63, 128: 0.7}
    assert "close around it" in lesson10.check_breaking_point(16, far, dims=32).message
    for bad in (0, -5, 32.0, "32", True):
        assert not lesson10.check_breaking_point(bad, measured, dims=32)
    assert not lesson10.check_breaking_point(32, {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}, dims=32)
    assert not lesson10.check_breaking_point(32, {n: "x" for n in range(1, 6)}, dims=32)
    assert not lesson10.check_breaking_point(32, [0.5, 0.3], dims=32)
