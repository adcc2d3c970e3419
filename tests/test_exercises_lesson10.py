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
    assert "Swap" in lesson10.check_reverse_map(W, W).message
    assert "shape" in lesson10.check_reverse_map(np.eye(4), W).message
    assert "not orthogonal" in lesson10.check_reverse_map(2 * W.T, W).message
    assert "same 200 pairs" in lesson10.check_reverse_map(rotation(seed=1), W).message
    assert "matrix" in lesson10.check_reverse_map("W.T", W).message
    assert not lesson10.check_reverse_map(np.full((8, 8), np.nan), W)


def test_breaking_point():
    assert lesson10.check_breaking_point(64, dims=64)
    assert lesson10.check_breaking_point(70, dims=64)
    assert "more" in lesson10.check_breaking_point(25, dims=64).message
    assert "fewer" in lesson10.check_breaking_point(200, dims=64).message
    assert lesson10.check_breaking_point(100, dims=100)
    for bad in (0, -5, 64.0, "64", True, None):
        assert not lesson10.check_breaking_point(bad, dims=64)
