"""villages"""
